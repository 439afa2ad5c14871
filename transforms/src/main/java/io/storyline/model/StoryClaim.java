package io.storyline.model;

import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** One fact of a story with its independent support: one row of the {@code claims} table. */
@DefaultSchema(JavaFieldSchema.class)
public final class StoryClaim {
  @SchemaFieldName("claim_id")
  public final String claimId;

  @SchemaFieldName("story_id")
  public final String storyId;

  /** A sentence that states the claim, from one of its sources. */
  @SchemaFieldName("text")
  public final String text;

  @SchemaFieldName("kind")
  public final String kind;

  @SchemaFieldName("subject")
  public final @Nullable String subject;

  @SchemaFieldName("predicate")
  public final String predicate;

  /** The relation word that ties predicate and value ("until", "by", "in"), or "". */
  @SchemaFieldName("relation")
  public final String relation;

  @SchemaFieldName("value")
  public final String value;

  /** Distinct independent sources: near-copies of another article do not count. */
  @SchemaFieldName("support_count")
  public final int supportCount;

  @SchemaFieldName("article_ids")
  public final List<String> articleIds;

  @SchemaFieldName("sources")
  public final List<String> sources;

  /** Whether sources give other values for the same slot (e.g. where a meeting took place). */
  @SchemaFieldName("contested")
  public final boolean contested;

  /** Every value of this claim's slot in the story, this claim's own included. */
  @SchemaFieldName("variants")
  public final List<ClaimVariant> variants;

  /** What the claim is about regardless of value, e.g. "place|meet": groups contested claims. */
  @SchemaFieldName("slot")
  public final String slot;

  /** The run's reference time, as its story row's {@code as_of}: which night's state it is. */
  @SchemaFieldName("as_of")
  public final @Nullable Instant asOf;

  @SchemaCreate
  public StoryClaim(
      String claimId,
      String storyId,
      String text,
      String kind,
      @Nullable String subject,
      String predicate,
      String relation,
      String value,
      int supportCount,
      List<String> articleIds,
      List<String> sources,
      boolean contested,
      List<ClaimVariant> variants,
      String slot,
      @Nullable Instant asOf) {
    this.claimId = claimId;
    this.storyId = storyId;
    this.text = text;
    this.kind = kind;
    this.subject = subject;
    this.predicate = predicate;
    this.relation = relation;
    this.value = value;
    this.supportCount = supportCount;
    this.articleIds = articleIds;
    this.sources = sources;
    this.contested = contested;
    this.variants = variants;
    this.slot = slot;
    this.asOf = asOf;
  }

  /** The same claim as of the given reference time. */
  public StoryClaim asOf(@Nullable Instant reference) {
    return new StoryClaim(claimId, storyId, text, kind, subject, predicate, relation, value,
        supportCount, articleIds, sources, contested, variants, slot, reference);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof StoryClaim)) {
      return false;
    }
    StoryClaim c = (StoryClaim) o;
    return supportCount == c.supportCount && contested == c.contested
        && claimId.equals(c.claimId) && storyId.equals(c.storyId) && text.equals(c.text)
        && kind.equals(c.kind) && Objects.equals(subject, c.subject)
        && predicate.equals(c.predicate) && relation.equals(c.relation) && value.equals(c.value)
        && articleIds.equals(c.articleIds) && sources.equals(c.sources)
        && variants.equals(c.variants) && slot.equals(c.slot) && Objects.equals(asOf, c.asOf);
  }

  @Override
  public int hashCode() {
    return claimId.hashCode();
  }

  @Override
  public String toString() {
    return "Claim{" + kind + " " + predicate + " " + relation + " " + value + " ×" + supportCount
        + (contested ? " contested" : "") + "}";
  }
}
