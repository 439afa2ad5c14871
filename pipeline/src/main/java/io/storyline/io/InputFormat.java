package io.storyline.io;

import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The input formats the reader knows, told apart by file extension (each also as {@code .gz}). */
public enum InputFormat {
  /** One scraped page per file: the first line is usually its title. */
  TXT(".txt"),
  /** One JSON article per line. */
  JSONL(".jsonl", ".ndjson"),
  /** One HTML page per file: its main text is extracted, its metadata read from the markup. */
  HTML(".html", ".htm"),
  /** A web archive: every HTML response record is one page. */
  WARC(".warc");

  private final String[] extensions;

  InputFormat(String... extensions) {
    this.extensions = extensions;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format of a file name, or null when the extension is not one we read. */
  public static @Nullable InputFormat of(String fileName) {
    String name = stripCompression(fileName.toLowerCase(Locale.ROOT));
    for (InputFormat format : values()) {
      for (String extension : format.extensions) {
        if (name.endsWith(extension)) {
          return format;
        }
      }
    }
    return null;
  }

  /** The file name without directories and without any extensions: a one-page file's article id. */
  public static String baseName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static String stripCompression(String name) {
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }
}
