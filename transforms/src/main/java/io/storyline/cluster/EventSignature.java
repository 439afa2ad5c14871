package io.storyline.cluster;

import java.util.List;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * An article's event signature: unit-length TF-IDF vectors of its words (title and lead), of its
 * title alone, of its named entities and of the values its claims state (dates, sums, counts,
 * places); its time; and the MinHash fingerprint of its body for telling near-copies. A member
 * of a story an earlier run formed carries that story's id: it is never split from it.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class EventSignature {
  public final String articleId;
  public final @Nullable Instant published;
  public final SparseVector words;
  public final SparseVector title;
  public final SparseVector entities;
  public final SparseVector values;
  public final List<Long> fingerprint;
  /** The story an earlier run put this article in; null for an article of this run. */
  public final @Nullable String earlierStory;

  public EventSignature(
      String articleId,
      @Nullable Instant published,
      SparseVector words,
      SparseVector title,
      SparseVector entities,
      SparseVector values,
      List<Long> fingerprint) {
    this(articleId, published, words, title, entities, values, fingerprint, null);
  }

  @SchemaCreate
  public EventSignature(
      String articleId,
      @Nullable Instant published,
      SparseVector words,
      SparseVector title,
      SparseVector entities,
      SparseVector values,
      List<Long> fingerprint,
      @Nullable String earlierStory) {
    this.articleId = articleId;
    this.published = published;
    this.words = words;
    this.title = title;
    this.entities = entities;
    this.values = values;
    this.fingerprint = List.copyOf(fingerprint);
    this.earlierStory = earlierStory;
  }

  /** The same signature, of a member of a story an earlier run formed. */
  EventSignature inEarlierStory(String storyId) {
    return new EventSignature(articleId, published, words, title, entities, values, fingerprint,
        storyId);
  }

  /** The day of publication (days since 1970-01-01, UTC), or null when undated. */
  @Nullable Long day() {
    return published == null ? null : Math.floorDiv(published.getMillis(), 86_400_000L);
  }
}
