package io.storyline.cluster;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A unit-length (or empty) sparse vector of weighted terms, packed for arithmetic and for the
 * shuffles: each term's 64-bit hash in ascending order with its weight, so a dot product is a
 * merge of two primitive arrays. No term's text is kept: a signature is copied under each of its
 * blocking keys, and its terms as strings with boxed weights were most of the heap a large corpus
 * needed (and comparing millions of candidate pairs over boxed strings cost more than the rest
 * of grouping together). Two distinct terms of one corpus sharing a 64-bit hash is a chance of
 * about n² / 2⁶⁵.
 */
public final class SparseVector {
  static final SparseVector EMPTY = new SparseVector(new long[0], new double[0]);

  private final long[] hashes;
  private final double[] weights;

  /** Hashes in ascending order, each with its weight; the arrays are the vector's own. */
  private SparseVector(long[] hashes, double[] weights) {
    this.hashes = hashes;
    this.weights = weights;
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

  /** The {@code n} heaviest terms (ties by term), scaled to unit length. */
  static SparseVector unitOfStrongest(List<Map.Entry<String, Double>> weighted, int n) {
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(weighted);
    sorted.sort(
        Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return unitOfFirst(sorted, n, SparseVector::hash);
  }

  /** The {@code n} heaviest terms of weights summed by term hash (ties by hash), unit length. */
  static SparseVector unitOfStrongestHashed(Map<Long, Double> weighted, int n) {
    List<Map.Entry<Long, Double>> sorted = new ArrayList<>(weighted.entrySet());
    sorted.sort(
        Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return unitOfFirst(sorted, n, Long::longValue);
  }

  private static <K> SparseVector unitOfFirst(
      List<Map.Entry<K, Double>> sorted, int n, ToLongFunction<K> hashOf) {
    int size = Math.min(n, sorted.size());
    long[] h = new long[size];
    double[] w = new double[size];
    for (int i = 0; i < size; i++) {
      h[i] = hashOf.applyAsLong(sorted.get(i).getKey());
      w[i] = sorted.get(i).getValue();
    }
    return unit(h, w);
  }

  /** The vector of these terms scaled to unit length: empty when they weigh nothing. */
  private static SparseVector unit(long[] h, double[] w) {
    double norm = 0;
    for (double x : w) {
      norm += x * x;
    }
    if (norm == 0) {
      return EMPTY;
    }
    double scale = 1 / Math.sqrt(norm);
    Integer[] order = new Integer[h.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingLong(i -> h[i]));
    long[] hashes = new long[h.length];
    double[] weights = new double[h.length];
    for (int i = 0; i < order.length; i++) {
      hashes[i] = h[order[i]];
      weights[i] = w[order[i]] * scale;
    }
    return new SparseVector(hashes, weights);
  }

  boolean isEmpty() {
    return hashes.length == 0;
  }

  int size() {
    return hashes.length;
  }

  /** The weight of a term, 0 when the vector does not hold it. */
  double weight(String term) {
    int i = Arrays.binarySearch(hashes, hash(term));
    return i < 0 ? 0 : weights[i];
  }

  /** The hashes of the {@code n} heaviest terms, heaviest first (ties by hash). */
  List<Long> strongest(int n) {
    Integer[] order = new Integer[hashes.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -weights[i]).thenComparingLong(i -> hashes[i]));
    List<Long> top = new ArrayList<>();
    for (int i = 0; i < Math.min(n, order.length); i++) {
      top.add(hashes[order[i]]);
    }
    return top;
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
        sum += weights[i++] * other.weights[j++];
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
      sums.add(hashes[i], weights[i]);
    }
  }

  /** Adds this vector, times {@code scale}, into weights summed by term hash. */
  void addTo(Map<Long, Double> sums, double scale) {
    for (int i = 0; i < hashes.length; i++) {
      sums.merge(hashes[i], scale * weights[i], Double::sum);
    }
  }

  void encode(DataOutputStream out) throws IOException {
    out.writeInt(hashes.length);
    for (int i = 0; i < hashes.length; i++) {
      out.writeLong(hashes[i]);
      out.writeDouble(weights[i]);
    }
  }

  static SparseVector decode(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n == 0) {
      return EMPTY;
    }
    long[] hashes = new long[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = in.readLong();
      weights[i] = in.readDouble();
    }
    return new SparseVector(hashes, weights);
  }
}
