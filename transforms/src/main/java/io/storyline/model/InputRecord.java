package io.storyline.model;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** One article-shaped record as read from an input file, before any cleaning. */
@DefaultSchema(JavaFieldSchema.class)
public final class InputRecord {
  /** The file the record came from. */
  public final String inputFile;
  /**
   * Position of the record in its file: the line number for JSON Lines, the byte offset for
   * archives, 0 for one-page files.
   */
  public final long record;
  public final String articleId;
  /** The input format: {@code txt}, {@code jsonl}, {@code html} or {@code warc}. */
  public final String format;
  public final @Nullable String url;
  public final @Nullable String source;
  public final @Nullable Instant published;
  public final @Nullable String title;
  public final String text;
  public final @Nullable String language;

  @SchemaCreate
  public InputRecord(
      String inputFile,
      long record,
      String articleId,
      String format,
      @Nullable String url,
      @Nullable String source,
      @Nullable Instant published,
      @Nullable String title,
      String text,
      @Nullable String language) {
    this.inputFile = inputFile;
    this.record = record;
    this.articleId = articleId;
    this.format = format;
    this.url = url;
    this.source = source;
    this.published = published;
    this.title = title;
    this.text = text;
    this.language = language;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof InputRecord)) {
      return false;
    }
    InputRecord r = (InputRecord) o;
    return record == r.record
        && inputFile.equals(r.inputFile)
        && articleId.equals(r.articleId)
        && format.equals(r.format)
        && Objects.equals(url, r.url)
        && Objects.equals(source, r.source)
        && Objects.equals(published, r.published)
        && Objects.equals(title, r.title)
        && text.equals(r.text)
        && Objects.equals(language, r.language);
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputFile, record, articleId);
  }

  @Override
  public String toString() {
    return "InputRecord{" + inputFile + "#" + record + ", id=" + articleId + "}";
  }
}
