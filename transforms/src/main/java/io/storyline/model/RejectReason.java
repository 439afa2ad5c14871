package io.storyline.model;

import java.util.Locale;

/** The fixed set of reasons an input record can be rejected for. */
public enum RejectReason {
  /** The file or record holds no bytes, or only white space. */
  EMPTY_INPUT,
  /** The content is not text (NUL bytes or mostly control characters). */
  BINARY_CONTENT,
  /** The bytes are not valid in the expected character encoding (UTF-8). */
  INVALID_ENCODING,
  /** A JSON Lines record that does not parse as a JSON object. */
  MALFORMED_JSON,
  /** A record parsed, but lacks the article text. */
  MISSING_TEXT,
  /** The record is larger than the configured limit for its format. */
  TOO_LARGE,
  /** The file name has no format the reader knows. */
  UNSUPPORTED_FORMAT,
  /** The file could not be read (I/O error, broken compression). */
  UNREADABLE,
  /** After cleaning, nothing article-like was left (e.g. a page that is only an error banner). */
  NO_ARTICLE_TEXT,
  /** A second record with an article id already seen in the same input. */
  DUPLICATE_ID;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
