package io.storyline.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/** A unit-length (or empty) sparse vector of weighted terms, sorted by term. */
@DefaultSchema(JavaFieldSchema.class)
public final class SparseVector {
  public final List<String> terms;
  public final List<Double> weights;

  @SchemaCreate
  public SparseVector(List<String> terms, List<Double> weights) {
    this.terms = List.copyOf(terms);
    this.weights = List.copyOf(weights);
  }

  static final SparseVector EMPTY = new SparseVector(List.of(), List.of());

  /** The {@code n} heaviest terms (ties by term), scaled to unit length. */
  static SparseVector unitOfStrongest(List<Map.Entry<String, Double>> weighted, int n) {
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(weighted);
    sorted.sort(
        Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<Map.Entry<String, Double>> top = new ArrayList<>(sorted.subList(0, Math.min(n, sorted.size())));
    top.sort(Map.Entry.comparingByKey());
    double norm = 0;
    for (Map.Entry<String, Double> e : top) {
      norm += e.getValue() * e.getValue();
    }
    if (norm == 0) {
      return EMPTY;
    }
    double scale = 1 / Math.sqrt(norm);
    List<String> terms = new ArrayList<>(top.size());
    List<Double> weights = new ArrayList<>(top.size());
    for (Map.Entry<String, Double> e : top) {
      terms.add(e.getKey());
      weights.add(e.getValue() * scale);
    }
    return new SparseVector(terms, weights);
  }

  boolean isEmpty() {
    return terms.isEmpty();
  }

  /** The dot product: a merge over the two sorted term lists. */
  double dot(SparseVector other) {
    double sum = 0;
    int i = 0;
    int j = 0;
    while (i < terms.size() && j < other.terms.size()) {
      int c = terms.get(i).compareTo(other.terms.get(j));
      if (c == 0) {
        sum += weights.get(i++) * other.weights.get(j++);
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  /** Adds this vector into a sum of vectors. */
  void addTo(Map<String, Double> sums) {
    for (int i = 0; i < terms.size(); i++) {
      sums.merge(terms.get(i), weights.get(i), Double::sum);
    }
  }
}
