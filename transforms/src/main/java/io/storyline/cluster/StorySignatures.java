package io.storyline.cluster;

import io.storyline.model.ArticleFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The pure logic of grouping: TF-IDF signature vectors, the blocking keys an article is filed
 * under, and when two articles in one block are linked as the same event.
 */
public final class StorySignatures {
  /** Terms kept per vector. */
  static final int VECTOR_TERMS = 40;
  /** Blocking keys per article: its strongest terms. */
  static final int BLOCKING_KEYS = 6;
  /** In a block, each article is compared with this many neighbours in time order. */
  static final int BLOCK_WINDOW = 50;
  /** Cosine similarity from which two articles are linked. */
  static final double LINK_SIMILARITY = 0.30;
  /** Articles further apart in time than this are never linked (when both have dates). */
  static final Duration MAX_TIME_GAP = Duration.standardDays(7);

  private StorySignatures() {}

  /** Inverse document frequency, smoothed; terms seen once in the corpus get none. */
  static double idf(long documentFrequency, long documents) {
    return Math.log((documents + 1.0) / (documentFrequency + 1.0)) + 1.0;
  }

  /** The unit-length TF-IDF vector of an article's strongest terms. */
  static TermVector vector(ArticleFacts facts, Map<String, Long> documentFrequency, long documents) {
    Map<String, Integer> tf = new HashMap<>();
    for (String term : facts.terms) {
      tf.merge(term, 1, Integer::sum);
    }
    List<Map.Entry<String, Double>> weighted = new ArrayList<>();
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      Long df = documentFrequency.get(e.getKey());
      if (df == null) {
        continue;
      }
      double w = (1 + Math.log(e.getValue())) * idf(df, documents);
      weighted.add(Map.entry(e.getKey(), w));
    }
    weighted.sort(
        Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<Map.Entry<String, Double>> top = weighted.subList(0, Math.min(VECTOR_TERMS, weighted.size()));
    double norm = 0;
    for (Map.Entry<String, Double> e : top) {
      norm += e.getValue() * e.getValue();
    }
    norm = Math.sqrt(norm);
    List<Map.Entry<String, Double>> byTerm = new ArrayList<>(top);
    byTerm.sort(Map.Entry.comparingByKey());
    List<String> terms = new ArrayList<>(byTerm.size());
    List<Double> weights = new ArrayList<>(byTerm.size());
    for (Map.Entry<String, Double> e : byTerm) {
      terms.add(e.getKey());
      weights.add(e.getValue() / norm);
    }
    return new TermVector(facts.articleId, facts.published, terms, weights);
  }

  /** The strongest terms of a vector: the blocks it is filed under. */
  static List<String> blockingKeys(TermVector v) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < v.terms.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -v.weights.get(i)).thenComparing(v.terms::get));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < order.size() && keys.size() < BLOCKING_KEYS; i++) {
      keys.add(v.terms.get(order.get(i)));
    }
    return keys;
  }

  /** Whether two articles of one block are the same event. */
  static boolean linked(TermVector a, TermVector b) {
    if (tooFarApart(a.published, b.published)) {
      return false;
    }
    return a.cosine(b) >= LINK_SIMILARITY;
  }

  static boolean tooFarApart(@Nullable Instant a, @Nullable Instant b) {
    if (a == null || b == null) {
      return false;
    }
    long gap = Math.abs(a.getMillis() - b.getMillis());
    return gap > MAX_TIME_GAP.getMillis();
  }

  /** Time order inside a block: dated articles first by date, then by id; deterministic. */
  static final Comparator<TermVector> TIME_ORDER =
      Comparator.comparing(
              (TermVector v) -> v.published == null ? Long.MAX_VALUE : v.published.getMillis())
          .thenComparing(v -> v.articleId);
}
