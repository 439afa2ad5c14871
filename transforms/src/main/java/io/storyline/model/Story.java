package io.storyline.model;

import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** One consolidated story: one row of the {@code stories} table. */
@DefaultSchema(JavaFieldSchema.class)
public final class Story {
  @SchemaFieldName("story_id")
  public final String storyId;

  @SchemaFieldName("headline")
  public final String headline;

  @SchemaFieldName("summary")
  public final String summary;

  @SchemaFieldName("article_count")
  public final int articleCount;

  /** Distinct outlets; an article without a source counts as its own. */
  @SchemaFieldName("source_count")
  public final int sourceCount;

  @SchemaFieldName("sources")
  public final List<String> sources;

  /**
   * Distinct outlets rated left ({@code far_left}, {@code left}, {@code lean_left}); null when
   * the run had no ratings file.
   */
  @SchemaFieldName("left_sources")
  public final @Nullable Integer leftSources;

  @SchemaFieldName("center_sources")
  public final @Nullable Integer centerSources;

  /** Distinct outlets rated right ({@code lean_right}, {@code right}, {@code far_right}). */
  @SchemaFieldName("right_sources")
  public final @Nullable Integer rightSources;

  /** Distinct outlets with no bias rating: not in the ratings file, or in it without a bias. */
  @SchemaFieldName("unrated_sources")
  public final @Nullable Integer unratedSources;

  /**
   * {@code left} or {@code right}: the side that barely covers the story (see {@code
   * io.storyline.consolidate.OutletCoverage}); null when neither does or nothing is rated.
   */
  @SchemaFieldName("blindspot")
  public final @Nullable String blindspot;

  /** Distinct rated outlets per factuality level, lowest level first. */
  @SchemaFieldName("factuality")
  public final List<FactualityCount> factuality;

  /** Distinct rated outlets per owner, most first. */
  @SchemaFieldName("owners")
  public final List<OwnerCount> owners;

  @SchemaFieldName("first_published")
  public final @Nullable Instant firstPublished;

  @SchemaFieldName("last_published")
  public final @Nullable Instant lastPublished;

  /** Key entities, by the number of the story's articles that name them. */
  @SchemaFieldName("entities")
  public final List<Entity> entities;

  @SchemaFieldName("claim_count")
  public final int claimCount;

  /** Claim slots on which independent sources give different values. */
  @SchemaFieldName("contested_count")
  public final int contestedCount;

  /** The event signature: the story's strongest terms and values. */
  @SchemaFieldName("signature")
  public final String signature;

  @SchemaFieldName("duplicate_count")
  public final int duplicateCount;

  /**
   * The story that continues this one, when an article of a later run showed the two to be one
   * event; null otherwise. This story's articles keep its id: follow this column to the
   * continuing story.
   */
  @SchemaFieldName("merged_into")
  public final @Nullable String mergedInto;

  /**
   * The run's reference time: the latest publication time among its articles and the open
   * stories it continued. The row describes the story as of then; of a story's rows over many
   * nights, the one with the latest {@code as_of} (then the most articles) is its current state.
   * Null when nothing the run saw is dated.
   */
  @SchemaFieldName("as_of")
  public final @Nullable Instant asOf;

  @SchemaCreate
  public Story(
      String storyId,
      String headline,
      String summary,
      int articleCount,
      int sourceCount,
      List<String> sources,
      @Nullable Integer leftSources,
      @Nullable Integer centerSources,
      @Nullable Integer rightSources,
      @Nullable Integer unratedSources,
      @Nullable String blindspot,
      List<FactualityCount> factuality,
      List<OwnerCount> owners,
      @Nullable Instant firstPublished,
      @Nullable Instant lastPublished,
      List<Entity> entities,
      int claimCount,
      int contestedCount,
      String signature,
      int duplicateCount,
      @Nullable String mergedInto,
      @Nullable Instant asOf) {
    this.storyId = storyId;
    this.headline = headline;
    this.summary = summary;
    this.articleCount = articleCount;
    this.sourceCount = sourceCount;
    this.sources = sources;
    this.leftSources = leftSources;
    this.centerSources = centerSources;
    this.rightSources = rightSources;
    this.unratedSources = unratedSources;
    this.blindspot = blindspot;
    this.factuality = factuality;
    this.owners = owners;
    this.firstPublished = firstPublished;
    this.lastPublished = lastPublished;
    this.entities = entities;
    this.claimCount = claimCount;
    this.contestedCount = contestedCount;
    this.signature = signature;
    this.duplicateCount = duplicateCount;
    this.mergedInto = mergedInto;
    this.asOf = asOf;
  }

  /** The same story, continued by the story {@code into}. */
  public Story mergedInto(String into) {
    return copy(into, asOf);
  }

  /** The same story as of the given reference time. */
  public Story asOf(@Nullable Instant reference) {
    return copy(mergedInto, reference);
  }

  private Story copy(@Nullable String into, @Nullable Instant reference) {
    return new Story(storyId, headline, summary, articleCount, sourceCount, sources, leftSources,
        centerSources, rightSources, unratedSources, blindspot, factuality, owners, firstPublished,
        lastPublished, entities, claimCount, contestedCount, signature, duplicateCount, into,
        reference);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Story)) {
      return false;
    }
    Story s = (Story) o;
    return articleCount == s.articleCount && sourceCount == s.sourceCount
        && claimCount == s.claimCount && contestedCount == s.contestedCount
        && duplicateCount == s.duplicateCount && storyId.equals(s.storyId)
        && headline.equals(s.headline) && summary.equals(s.summary) && sources.equals(s.sources)
        && Objects.equals(leftSources, s.leftSources)
        && Objects.equals(centerSources, s.centerSources)
        && Objects.equals(rightSources, s.rightSources)
        && Objects.equals(unratedSources, s.unratedSources)
        && Objects.equals(blindspot, s.blindspot) && factuality.equals(s.factuality)
        && owners.equals(s.owners)
        && Objects.equals(firstPublished, s.firstPublished)
        && Objects.equals(lastPublished, s.lastPublished) && entities.equals(s.entities)
        && signature.equals(s.signature) && Objects.equals(mergedInto, s.mergedInto) && Objects.equals(asOf, s.asOf);
  }

  @Override
  public int hashCode() {
    return storyId.hashCode();
  }

  @Override
  public String toString() {
    return "Story{" + storyId + ", " + articleCount + " articles: " + headline + "}";
  }
}
