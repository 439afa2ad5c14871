package io.storyline.extract;

import io.storyline.nlp.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * MinHash of an article's five-word shingles. Two articles whose fingerprints agree in most
 * positions share most of their text (syndicated copies); agreement estimates Jaccard similarity.
 */
public final class Fingerprint {
  public static final int HASHES = 32;
  /** Bodies shorter than this have no fingerprint: too little text to call a copy. */
  static final int MIN_WORDS = 50;
  private static final int SHINGLE = 5;

  private Fingerprint() {}

  public static List<Long> of(List<List<Token>> sentences) {
    List<String> words = new ArrayList<>();
    for (List<Token> sentence : sentences) {
      for (Token t : sentence) {
        if (t.isWord() || Character.isDigit(t.text.charAt(0))) {
          words.add(t.lower());
        }
      }
    }
    if (words.size() < MIN_WORDS) {
      return Collections.emptyList();
    }
    long[] min = new long[HASHES];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      long h = 1125899906842597L;
      for (int k = i; k < i + SHINGLE; k++) {
        h = 31 * h + words.get(k).hashCode();
      }
      for (int f = 0; f < HASHES; f++) {
        long v = mix(h ^ (0x9E3779B97F4A7C15L * (f + 1)));
        if (v < min[f]) {
          min[f] = v;
        }
      }
    }
    List<Long> out = new ArrayList<>(HASHES);
    for (long v : min) {
      out.add(v);
    }
    return out;
  }

  /** Share of positions where two fingerprints agree: an estimate of Jaccard similarity. */
  public static double similarity(long[] a, long[] b) {
    if (a.length == 0 || a.length != b.length) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /** The finaliser of SplitMix64: spreads bits so that each seed gives an independent hash. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
