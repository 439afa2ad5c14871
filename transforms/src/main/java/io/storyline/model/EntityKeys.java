package io.storyline.model;

import java.util.Locale;

/** Normalises entity names into matching keys. */
public final class EntityKeys {
  private EntityKeys() {}

  /** Lower case, curly apostrophes straightened, dots and extra spaces removed: U.S. → us. */
  public static String of(String name) {
    return name.toLowerCase(Locale.ROOT)
        .replace('’', '\'')
        .replace(".", "")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
