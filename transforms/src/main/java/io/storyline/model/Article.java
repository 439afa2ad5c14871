package io.storyline.model;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * A cleaned article: one row of the {@code articles} table. {@link #storyId} and {@link
 * #duplicateOf} are empty until stories are formed; {@link #outlet} and its ratings are empty
 * unless a ratings file rates the article's outlet.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class Article {
  @SchemaFieldName("article_id")
  public final String articleId;

  @SchemaFieldName("story_id")
  public final @Nullable String storyId;

  @SchemaFieldName("source")
  public final @Nullable String source;

  /** The rated outlet the article was matched to: its domain, or its name where it has none. */
  @SchemaFieldName("outlet")
  public final @Nullable String outlet;

  /** The outlet's bias, e.g. {@code lean_left}. */
  @SchemaFieldName("bias")
  public final @Nullable String bias;

  /** The outlet's factuality, e.g. {@code mostly_factual}. */
  @SchemaFieldName("factuality")
  public final @Nullable String factuality;

  @SchemaFieldName("owner")
  public final @Nullable String owner;

  @SchemaFieldName("url")
  public final @Nullable String url;

  @SchemaFieldName("published")
  public final @Nullable Instant published;

  @SchemaFieldName("title")
  public final @Nullable String title;

  /** The cleaned article text, paragraphs separated by blank lines. */
  @SchemaFieldName("body")
  public final String body;

  /** ISO 639-1 code where it is known (e.g. {@code en}), else an ISO 639-3 code or {@code und}. */
  @SchemaFieldName("language")
  public final String language;

  /** The article this one is a near-copy of (syndicated text), if any. */
  @SchemaFieldName("duplicate_of")
  public final @Nullable String duplicateOf;

  @SchemaFieldName("input_file")
  public final String inputFile;

  @SchemaFieldName("input_format")
  public final String inputFormat;

  @SchemaFieldName("word_count")
  public final int wordCount;

  /** An article with no outlet rating. */
  public Article(
      String articleId,
      @Nullable String storyId,
      @Nullable String source,
      @Nullable String url,
      @Nullable Instant published,
      @Nullable String title,
      String body,
      String language,
      @Nullable String duplicateOf,
      String inputFile,
      String inputFormat,
      int wordCount) {
    this(articleId, storyId, source, null, null, null, null, url, published, title, body,
        language, duplicateOf, inputFile, inputFormat, wordCount);
  }

  @SchemaCreate
  public Article(
      String articleId,
      @Nullable String storyId,
      @Nullable String source,
      @Nullable String outlet,
      @Nullable String bias,
      @Nullable String factuality,
      @Nullable String owner,
      @Nullable String url,
      @Nullable Instant published,
      @Nullable String title,
      String body,
      String language,
      @Nullable String duplicateOf,
      String inputFile,
      String inputFormat,
      int wordCount) {
    this.articleId = articleId;
    this.storyId = storyId;
    this.source = source;
    this.outlet = outlet;
    this.bias = bias;
    this.factuality = factuality;
    this.owner = owner;
    this.url = url;
    this.published = published;
    this.title = title;
    this.body = body;
    this.language = language;
    this.duplicateOf = duplicateOf;
    this.inputFile = inputFile;
    this.inputFormat = inputFormat;
    this.wordCount = wordCount;
  }

  /** A copy placed in a story. */
  public Article inStory(String storyId, @Nullable String duplicateOf) {
    return new Article(
        articleId, storyId, source, outlet, bias, factuality, owner, url, published, title, body,
        language, duplicateOf, inputFile, inputFormat, wordCount);
  }

  /** A copy with its outlet's ratings. */
  public Article ratedAs(
      String outlet, @Nullable String bias, @Nullable String factuality, @Nullable String owner) {
    return new Article(
        articleId, storyId, source, outlet, bias, factuality, owner, url, published, title, body,
        language, duplicateOf, inputFile, inputFormat, wordCount);
  }

  /** The outlet name, falling back to the article id so that every article counts as a source. */
  public String sourceOrId() {
    return source != null && !source.isBlank() ? source : articleId;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Article)) {
      return false;
    }
    Article a = (Article) o;
    return wordCount == a.wordCount
        && articleId.equals(a.articleId)
        && Objects.equals(storyId, a.storyId)
        && Objects.equals(source, a.source)
        && Objects.equals(outlet, a.outlet)
        && Objects.equals(bias, a.bias)
        && Objects.equals(factuality, a.factuality)
        && Objects.equals(owner, a.owner)
        && Objects.equals(url, a.url)
        && Objects.equals(published, a.published)
        && Objects.equals(title, a.title)
        && body.equals(a.body)
        && language.equals(a.language)
        && Objects.equals(duplicateOf, a.duplicateOf)
        && inputFile.equals(a.inputFile)
        && inputFormat.equals(a.inputFormat);
  }

  @Override
  public int hashCode() {
    return Objects.hash(articleId, storyId, body);
  }

  @Override
  public String toString() {
    return "Article{" + articleId + ", story=" + storyId + ", title=" + title + "}";
  }
}
