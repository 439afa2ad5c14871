package io.storyline.cluster;

/**
 * The sum of a group's term vectors, keyed by term hash ({@link SparseVector#hash}): an
 * open-addressing map of primitives, since clustering takes millions of dot products between
 * groups.
 */
final class TermSum {
  /** Keys are never 0 in the table: 0 marks a free slot, and a hash of 0 is stored as 1. */
  private long[] keys = new long[16];
  private double[] sums = new double[16];
  private int size;

  int size() {
    return size;
  }

  void add(long hash, double weight) {
    long key = hash == 0 ? 1 : hash;
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int slot = slot(key, keys.length);
    while (keys[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & (keys.length - 1);
    }
    if (keys[slot] == 0) {
      keys[slot] = key;
      size++;
    }
    sums[slot] += weight;
  }

  void addAll(TermSum other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != 0) {
        add(other.keys[i], other.sums[i]);
      }
    }
  }

  private double get(long key) {
    int slot = slot(key, keys.length);
    while (keys[slot] != 0) {
      if (keys[slot] == key) {
        return sums[slot];
      }
      slot = (slot + 1) & (keys.length - 1);
    }
    return 0;
  }

  /** The dot product of two sums: the smaller one's entries looked up in the larger. */
  double dot(TermSum other) {
    TermSum small = size <= other.size ? this : other;
    TermSum large = small == this ? other : this;
    double sum = 0;
    for (int i = 0; i < small.keys.length; i++) {
      if (small.keys[i] != 0) {
        sum += small.sums[i] * large.get(small.keys[i]);
      }
    }
    return sum;
  }

  private void grow() {
    long[] oldKeys = keys;
    double[] oldSums = sums;
    keys = new long[oldKeys.length * 2];
    sums = new double[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slot(oldKeys[i], keys.length);
        while (keys[slot] != 0) {
          slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = oldKeys[i];
        sums[slot] = oldSums[i];
      }
    }
  }

  private static int slot(long key, int capacity) {
    long mixed = key * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 32) & (capacity - 1);
  }
}
