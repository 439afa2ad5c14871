package io.storyline.cluster;

import io.storyline.model.ArticleFacts;
import io.storyline.model.EntityKeys;
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
public final class EventSignatures {
  /** Terms kept per vector. */
  static final int VECTOR_TERMS = 40;
  /** Named-entity terms kept per signature. */
  static final int ENTITY_TERMS = 10;
  /** The share of entity similarity in the similarity of two signatures that both name some. */
  static final double ENTITY_SHARE = 0.4;
  /** Blocking keys per article: its strongest terms. */
  static final int BLOCKING_KEYS = 6;
  /** In a block, each article is compared with this many neighbours in time order. */
  static final int BLOCK_WINDOW = 50;
  /** Similarity from which two articles of a block are linked into one piece. */
  static final double LINK_SIMILARITY = 0.20;
  /** The same for two articles published within {@link #CLOSE_IN_TIME} of each other. */
  static final double CLOSE_LINK_SIMILARITY = 0.12;
  /** Centroid similarity from which two clusters of a piece merge into one story. */
  static final double MERGE_SIMILARITY = 0.35;
  /** The same for two clusters whose time spans lie within {@link #CLOSE_IN_TIME}. */
  static final double CLOSE_MERGE_SIMILARITY = 0.15;
  /**
   * Reports of one event cluster in time: articles this close need less shared vocabulary to be
   * taken as one story than undated ones or ones further apart.
   */
  static final Duration CLOSE_IN_TIME = Duration.standardDays(2);
  /** In a piece, each article is a merge candidate with this many neighbours in time order. */
  static final int PIECE_WINDOW = 200;
  /** Estimated Jaccard similarity from which an article counts as a copy of an earlier one. */
  static final double COPY_SIMILARITY = 0.8;
  /** Articles further apart in time than this are never linked (when both have dates). */
  static final Duration MAX_TIME_GAP = Duration.standardDays(7);

  private EventSignatures() {}

  /** Inverse document frequency, smoothed; terms seen once in the corpus get none. */
  static double idf(long documentFrequency, long documents) {
    return Math.log((documents + 1.0) / (documentFrequency + 1.0)) + 1.0;
  }

  /**
   * The signature's two unit-length TF-IDF vectors over the article's strongest terms: its words
   * ({@link #VECTOR_TERMS} of them) and its named entities ({@link #ENTITY_TERMS}, terms marked
   * with {@link #ENTITY_MARK}), kept in one list sorted by term.
   */
  static EventSignature vector(ArticleFacts facts, Map<String, Long> documentFrequency, long documents) {
    Map<String, Integer> tf = new HashMap<>();
    for (String term : facts.terms) {
      tf.merge(term, 1, Integer::sum);
    }
    List<Map.Entry<String, Double>> words = new ArrayList<>();
    List<Map.Entry<String, Double>> entities = new ArrayList<>();
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      Long df = documentFrequency.get(e.getKey());
      if (df == null) {
        continue;
      }
      double w = (1 + Math.log(e.getValue())) * idf(df, documents);
      (isEntity(e.getKey()) ? entities : words).add(Map.entry(e.getKey(), w));
    }
    List<Map.Entry<String, Double>> kept = new ArrayList<>(strongest(words, VECTOR_TERMS));
    kept.addAll(strongest(entities, ENTITY_TERMS));
    kept.sort(Map.Entry.comparingByKey());
    List<String> terms = new ArrayList<>(kept.size());
    List<Double> weights = new ArrayList<>(kept.size());
    for (Map.Entry<String, Double> e : kept) {
      terms.add(e.getKey());
      weights.add(e.getValue());
    }
    return new EventSignature(facts.articleId, facts.published, terms, weights, facts.fingerprint);
  }

  /** The n heaviest terms, scaled to unit length. */
  private static List<Map.Entry<String, Double>> strongest(List<Map.Entry<String, Double>> weighted, int n) {
    weighted.sort(
        Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<Map.Entry<String, Double>> top = weighted.subList(0, Math.min(n, weighted.size()));
    double norm = 0;
    for (Map.Entry<String, Double> e : top) {
      norm += e.getValue() * e.getValue();
    }
    double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
    List<Map.Entry<String, Double>> unit = new ArrayList<>(top.size());
    for (Map.Entry<String, Double> e : top) {
      unit.add(Map.entry(e.getKey(), e.getValue() * scale));
    }
    return unit;
  }

  static boolean isEntity(String term) {
    return term.startsWith(EntityKeys.TERM_MARK);
  }

  /**
   * The similarity of two signatures (or two clusters' summed signatures, given as term → weight
   * maps with their two norms): the cosine of their words, blended with the cosine of their named
   * entities when both name some — who is involved tells two events of the same kind apart.
   */
  static double similarity(double wordDot, double wordNormA, double wordNormB,
      double entityDot, double entityNormA, double entityNormB) {
    double words = wordNormA == 0 || wordNormB == 0 ? 0 : wordDot / (wordNormA * wordNormB);
    if (entityNormA == 0 || entityNormB == 0) {
      return words;
    }
    double entities = entityDot / (entityNormA * entityNormB);
    return (1 - ENTITY_SHARE) * words + ENTITY_SHARE * entities;
  }

  /** The blocks an article is filed under: its strongest words and its strongest entities. */
  static List<String> blockingKeys(EventSignature v) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < v.terms.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -v.weights.get(i)).thenComparing(v.terms::get));
    List<String> keys = new ArrayList<>();
    int words = 0;
    int entities = 0;
    for (int i : order) {
      String term = v.terms.get(i);
      if (isEntity(term) ? entities++ < BLOCKING_KEYS / 2 : words++ < BLOCKING_KEYS / 2) {
        keys.add(term);
      }
    }
    return keys;
  }

  /** Whether two articles of one block are the same event. */
  static boolean linked(EventSignature a, EventSignature b) {
    if (tooFarApart(a.published, b.published)) {
      return false;
    }
    boolean close = a.published != null && b.published != null
        && Math.abs(a.published.getMillis() - b.published.getMillis()) <= CLOSE_IN_TIME.getMillis();
    return a.similarity(b) >= (close ? CLOSE_LINK_SIMILARITY : LINK_SIMILARITY);
  }

  static boolean tooFarApart(@Nullable Instant a, @Nullable Instant b) {
    if (a == null || b == null) {
      return false;
    }
    long gap = Math.abs(a.getMillis() - b.getMillis());
    return gap > MAX_TIME_GAP.getMillis();
  }

  /** Time order inside a block: dated articles first by date, then by id; deterministic. */
  static final Comparator<EventSignature> TIME_ORDER =
      Comparator.comparing(
              (EventSignature v) -> v.published == null ? Long.MAX_VALUE : v.published.getMillis())
          .thenComparing(v -> v.articleId);
}
