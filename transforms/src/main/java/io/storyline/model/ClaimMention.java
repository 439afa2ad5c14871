package io.storyline.model;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One checkable fact as one article states it: an actor, what happened, and a value (a date, a
 * quantity, a place) or a quote with its speaker. Two mentions of one fact in different words
 * share a {@link #claimKey}; mentions of the same slot with other values share a {@link #slotKey}.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class ClaimMention {
  /** {@code date}, {@code quantity}, {@code money}, {@code percent}, {@code place} or {@code quote}. */
  public final String kind;
  /** The predicate's lemma, e.g. "operation", "deorbit", "meet", "say". */
  public final String predicate;
  /** The preposition that links the value, normalised ("until", "by", "since", "in"), or "". */
  public final String relation;
  /** The value as written, tidied: "2028", "$100 billion", "Houston, Texas". */
  public final String value;
  /** The value normalised for matching: "2028", "usd 100000000000", "texas". */
  public final String valueKey;
  /** The main actor: the speaker of a quote, else the sentence's most prominent entity. */
  public final @Nullable String subject;
  /** The sentence that states it. */
  public final String text;
  /** kind|predicate stem: what the claim is about, regardless of the value. */
  public final String slotKey;
  /** slotKey|valueKey, or kind|*|valueKey for values specific enough alone: the fact itself. */
  public final String claimKey;

  @SchemaCreate
  public ClaimMention(
      String kind,
      String predicate,
      String relation,
      String value,
      String valueKey,
      @Nullable String subject,
      String text,
      String slotKey,
      String claimKey) {
    this.kind = kind;
    this.predicate = predicate;
    this.relation = relation;
    this.value = value;
    this.valueKey = valueKey;
    this.subject = subject;
    this.text = text;
    this.slotKey = slotKey;
    this.claimKey = claimKey;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ClaimMention)) {
      return false;
    }
    ClaimMention c = (ClaimMention) o;
    return claimKey.equals(c.claimKey)
        && kind.equals(c.kind)
        && predicate.equals(c.predicate)
        && relation.equals(c.relation)
        && value.equals(c.value)
        && valueKey.equals(c.valueKey)
        && Objects.equals(subject, c.subject)
        && text.equals(c.text)
        && slotKey.equals(c.slotKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(claimKey, text);
  }

  @Override
  public String toString() {
    return claimKey + " «" + text + "»";
  }
}
