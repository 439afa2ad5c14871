package io.storyline.cluster;

import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** An article's TF-IDF signature: unit-length weights of its strongest terms, sorted by term. */
@DefaultSchema(JavaFieldSchema.class)
public final class TermVector {
  public final String articleId;
  public final @Nullable Instant published;
  public final List<String> terms;
  public final List<Double> weights;

  @SchemaCreate
  public TermVector(
      String articleId, @Nullable Instant published, List<String> terms, List<Double> weights) {
    this.articleId = articleId;
    this.published = published;
    this.terms = terms;
    this.weights = weights;
  }

  /** Cosine similarity of two unit vectors: a merge over the sorted term lists. */
  public double cosine(TermVector other) {
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < terms.size() && j < other.terms.size()) {
      int c = terms.get(i).compareTo(other.terms.get(j));
      if (c == 0) {
        dot += weights.get(i++) * other.weights.get(j++);
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return dot;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof TermVector)) {
      return false;
    }
    TermVector v = (TermVector) o;
    return articleId.equals(v.articleId) && Objects.equals(published, v.published)
        && terms.equals(v.terms) && weights.equals(v.weights);
  }

  @Override
  public int hashCode() {
    return articleId.hashCode();
  }
}
