package io.storyline.model;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * One row of the {@code document_frequencies} table a run writes beside its state: how many
 * articles of this run and the earlier ones it continues use a term, so that the next run weighs
 * terms by the frequencies of the whole stream rather than of one night's few articles. The row
 * whose term is empty counts the articles themselves.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class TermCount {
  /** The term of the row that counts every article. */
  public static final String ARTICLES = "";

  @SchemaFieldName("term")
  public final String term;

  @SchemaFieldName("articles")
  public final long articles;

  /** The latest publication time of an article using the term; null when none was dated. */
  @SchemaFieldName("last_seen")
  public final @Nullable Instant lastSeen;

  @SchemaCreate
  public TermCount(String term, long articles, @Nullable Instant lastSeen) {
    this.term = term;
    this.articles = articles;
    this.lastSeen = lastSeen;
  }

  // Equal by value: Beam's coders compare elements by equals.
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TermCount t
        && term.equals(t.term)
        && articles == t.articles
        && Objects.equals(lastSeen, t.lastSeen);
  }

  @Override
  public int hashCode() {
    return Objects.hash(term, articles, lastSeen);
  }
}
