package io.storyline.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaIgnore;

/**
 * A unit-length (or empty) sparse vector of weighted terms, sorted by term. Beside the terms, the
 * same vector packed for arithmetic: each term's 64-bit hash in ascending order with its weight,
 * so a dot product is a merge of two primitive arrays (comparing millions of candidate pairs
 * over boxed strings cost more than the rest of grouping together). Two distinct terms of one
 * corpus sharing a 64-bit hash is a chance of about n² / 2⁶⁵.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class SparseVector {
  public final List<String> terms;
  public final List<Double> weights;
  @SchemaIgnore private final transient long[] hashes;
  @SchemaIgnore private final transient double[] packedWeights;

  @SchemaCreate
  public SparseVector(List<String> terms, List<Double> weights) {
    this.terms = List.copyOf(terms);
    this.weights = List.copyOf(weights);
    int n = this.terms.size();
    long[][] pairs = new long[n][];
    for (int i = 0; i < n; i++) {
      pairs[i] = new long[] {hash(this.terms.get(i)), i};
    }
    Arrays.sort(pairs, (x, y) -> Long.compare(x[0], y[0]));
    hashes = new long[n];
    packedWeights = new double[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = pairs[i][0];
      packedWeights[i] = this.weights.get((int) pairs[i][1]);
    }
  }

  /** The 64-bit FNV-1a hash of a term's characters: the key of its sums in a {@link TermSum}. */
  static long hash(String term) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < term.length(); i++) {
      h ^= term.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
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

  /** The dot product: a merge over the two sorted hash arrays. */
  double dot(SparseVector other) {
    long[] a = hashes;
    long[] b = other.hashes;
    double sum = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        sum += packedWeights[i++] * other.packedWeights[j++];
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  /** Adds this vector into a sum of vectors. */
  void addTo(TermSum sums) {
    for (int i = 0; i < hashes.length; i++) {
      sums.add(hashes[i], packedWeights[i]);
    }
  }
}
