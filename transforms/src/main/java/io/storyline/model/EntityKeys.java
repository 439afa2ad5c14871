package io.storyline.model;

import java.util.Locale;

/** Normalises entity names into matching keys. */
public final class EntityKeys {
  /** Marks an entity among an article's signature terms, apart from its words. */
  public static final String TERM_MARK = "#";

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
