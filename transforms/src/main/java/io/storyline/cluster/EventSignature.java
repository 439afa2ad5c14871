package io.storyline.cluster;

import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * An article's event signature: unit-length TF-IDF weights of its strongest terms (sorted by
 * term), its time, and the MinHash fingerprint of its body for telling near-copies.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class EventSignature {
  public final String articleId;
  public final @Nullable Instant published;
  public final List<String> terms;
  public final List<Double> weights;
  public final List<Long> fingerprint;

  @SchemaCreate
  public EventSignature(
      String articleId,
      @Nullable Instant published,
      List<String> terms,
      List<Double> weights,
      List<Long> fingerprint) {
    this.articleId = articleId;
    this.published = published;
    this.terms = terms;
    this.weights = weights;
    this.fingerprint = fingerprint;
  }

  /** Word and entity cosine blended ({@link EventSignatures#similarity}): a merge over sorted terms. */
  public double similarity(EventSignature other) {
    double[] sums = new double[6];
    accumulateNorms(sums, 1);
    other.accumulateNorms(sums, 2);
    int i = 0;
    int j = 0;
    while (i < terms.size() && j < other.terms.size()) {
      int c = terms.get(i).compareTo(other.terms.get(j));
      if (c == 0) {
        double product = weights.get(i) * other.weights.get(j);
        sums[EventSignatures.isEntity(terms.get(i)) ? 3 : 0] += product;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return EventSignatures.similarity(sums[0], Math.sqrt(sums[1]), Math.sqrt(sums[2]), sums[3],
        Math.sqrt(sums[4]), Math.sqrt(sums[5]));
  }

  /** Adds the squared word weights to sums[side] and the entity ones to sums[side + 3]. */
  private void accumulateNorms(double[] sums, int side) {
    for (int i = 0; i < terms.size(); i++) {
      double w = weights.get(i);
      sums[EventSignatures.isEntity(terms.get(i)) ? side + 3 : side] += w * w;
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof EventSignature)) {
      return false;
    }
    EventSignature v = (EventSignature) o;
    return articleId.equals(v.articleId) && Objects.equals(published, v.published)
        && terms.equals(v.terms) && weights.equals(v.weights) && fingerprint.equals(v.fingerprint);
  }

  @Override
  public int hashCode() {
    return articleId.hashCode();
  }
}
