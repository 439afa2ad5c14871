package io.storyline.ratings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/** An outlet's political leaning, on the seven-step scale of a ratings file. */
public enum Bias {
  FAR_LEFT(Side.LEFT),
  LEFT(Side.LEFT),
  LEAN_LEFT(Side.LEFT),
  CENTER(Side.CENTER),
  LEAN_RIGHT(Side.RIGHT),
  RIGHT(Side.RIGHT),
  FAR_RIGHT(Side.RIGHT);

  /** The three groups a story's coverage is counted in. */
  public enum Side {
    LEFT,
    CENTER,
    RIGHT;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Side side;

  Bias(Side side) {
    this.side = side;
  }

  public Side side() {
    return side;
  }

  /** The value as a ratings file and the tables spell it, e.g. {@code lean_left}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The bias a label names (case-insensitive), or null when it names none. */
  public static @Nullable Bias fromLabel(String label) {
    for (Bias b : values()) {
      if (b.label().equalsIgnoreCase(label.strip())) {
        return b;
      }
    }
    return null;
  }

  /** Every label, in scale order, for messages. */
  public static String labels() {
    return Arrays.stream(values()).map(Bias::label).collect(Collectors.joining(", "));
  }
}
