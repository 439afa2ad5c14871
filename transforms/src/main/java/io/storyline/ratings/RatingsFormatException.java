package io.storyline.ratings;

/** A ratings file that cannot be used, with the file and line that say why. */
public final class RatingsFormatException extends IllegalArgumentException {
  private final String file;
  private final int line;

  public RatingsFormatException(String file, int line, String message) {
    super(file + " line " + line + ": " + message);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  /** The 1-based line of the file where the offending record starts. */
  public int line() {
    return line;
  }
}
