package io.storyline.ratings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/** How factual an outlet's reporting is rated, from {@code very_low} to {@code very_high}. */
public enum Factuality {
  VERY_LOW,
  LOW,
  MIXED,
  MOSTLY_FACTUAL,
  HIGH,
  VERY_HIGH;

  /** The value as a ratings file and the tables spell it, e.g. {@code mostly_factual}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level a label names (case-insensitive), or null when it names none. */
  public static @Nullable Factuality fromLabel(String label) {
    for (Factuality f : values()) {
      if (f.label().equalsIgnoreCase(label.strip())) {
        return f;
      }
    }
    return null;
  }

  /** Every label, in scale order, for messages. */
  public static String labels() {
    return Arrays.stream(values()).map(Factuality::label).collect(Collectors.joining(", "));
  }
}
