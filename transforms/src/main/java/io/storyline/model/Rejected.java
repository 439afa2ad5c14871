package io.storyline.model;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/** An input record that did not become an article: one row of the {@code rejected} table. */
@DefaultSchema(JavaFieldSchema.class)
public final class Rejected {
  private static final int EXCERPT_CHARS = 200;

  @SchemaFieldName("input_file")
  public final String inputFile;

  /** Position in the file: line number for JSON Lines, byte offset for archives, 0 otherwise. */
  @SchemaFieldName("record")
  public final long record;

  @SchemaFieldName("article_id")
  public final @Nullable String articleId;

  /** One of the {@link RejectReason} codes, in lower case. */
  @SchemaFieldName("reason")
  public final String reason;

  @SchemaFieldName("detail")
  public final String detail;

  @SchemaFieldName("excerpt")
  public final @Nullable String excerpt;

  @SchemaCreate
  public Rejected(
      String inputFile,
      long record,
      @Nullable String articleId,
      String reason,
      String detail,
      @Nullable String excerpt) {
    this.inputFile = inputFile;
    this.record = record;
    this.articleId = articleId;
    this.reason = reason;
    this.detail = detail;
    this.excerpt = excerpt;
  }

  public static Rejected of(
      String inputFile,
      long record,
      @Nullable String articleId,
      RejectReason reason,
      String detail,
      @Nullable String content) {
    return new Rejected(inputFile, record, articleId, reason.code(), detail, excerptOf(content));
  }

  /** The first characters of the content, with control characters made visible as spaces. */
  public static @Nullable String excerptOf(@Nullable String content) {
    if (content == null) {
      return null;
    }
    String head = content.length() > EXCERPT_CHARS ? content.substring(0, EXCERPT_CHARS) : content;
    return head.replaceAll("[\\p{Cntrl}\\uFFFD]+", " ").strip();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Rejected)) {
      return false;
    }
    Rejected r = (Rejected) o;
    return record == r.record
        && inputFile.equals(r.inputFile)
        && Objects.equals(articleId, r.articleId)
        && reason.equals(r.reason)
        && detail.equals(r.detail)
        && Objects.equals(excerpt, r.excerpt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputFile, record, reason);
  }

  @Override
  public String toString() {
    return "Rejected{" + inputFile + "#" + record + ", " + reason + ": " + detail + "}";
  }
}
