package io.storyline.cluster;

import io.storyline.model.ArticleFacts;
import io.storyline.model.ClaimMention;
import io.storyline.model.EntityKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The pure logic of signatures: TF-IDF vectors of an article's words, title, entities and claim
 * values, the blocking keys it is filed under, and when two articles of one block are linked.
 */
public final class EventSignatures {
  /** Word terms kept per signature. */
  static final int WORD_TERMS = 40;
  /** Title terms kept per signature. */
  static final int TITLE_TERMS = 20;
  /** Named-entity terms kept per signature. */
  static final int ENTITY_TERMS = 10;
  /** Claim values kept per signature. */
  static final int VALUE_TERMS = 10;
  /**
   * Blocking keys per article: its strongest words and its strongest entities, half each. With
   * six, 5% to 24% of the development sets' same-story pairs shared none and were never compared
   * ({@code scripts/grouping-stages.sh}); with ten, 1% to 10%.
   */
  static final int BLOCKING_KEYS = 10;
  /**
   * In a block, each article is compared with this many neighbours in time order: 300
   * comparisons per article at most over its ten blocks, as six keys with 50 neighbours had.
   */
  static final int BLOCK_WINDOW = 30;
  /** Estimated Jaccard similarity from which an article counts as a copy of an earlier one. */
  static final double COPY_SIMILARITY = 0.8;
  /** Marks a claim value among the corpus's terms: "=date:2028-03". */
  static final String VALUE_MARK = "=";

  private EventSignatures() {}

  /** Inverse document frequency, smoothed. */
  static double idf(long documentFrequency, long documents) {
    return Math.log((documents + 1.0) / (documentFrequency + 1.0)) + 1.0;
  }

  /** The terms whose document frequencies the signatures need: words, entities, values. */
  static Set<String> corpusTerms(ArticleTerms article) {
    Set<String> terms = new LinkedHashSet<>(article.terms);
    terms.addAll(article.values);
    return terms;
  }

  /** The values an article's claims state, marked; quotes are not values. */
  static List<String> values(ArticleFacts facts) {
    List<String> values = new ArrayList<>();
    for (ClaimMention claim : facts.claims) {
      if (!claim.kind.equals("quote") && !claim.valueKey.isEmpty()) {
        values.add(VALUE_MARK + claim.kind + ":" + claim.valueKey);
      }
    }
    return values;
  }

  /**
   * The signature: unit TF-IDF vectors over the strongest of each kind of term. Terms that no
   * other article of the corpus shares are left out (they link nothing).
   */
  static EventSignature vector(ArticleTerms facts, Map<String, Long> documentFrequency, long documents) {
    List<Map.Entry<String, Double>> words = new ArrayList<>();
    List<Map.Entry<String, Double>> entities = new ArrayList<>();
    for (Map.Entry<String, Double> e : tfIdf(facts.terms, documentFrequency, documents)) {
      (isEntity(e.getKey()) ? entities : words).add(e);
    }
    return new EventSignature(
        facts.articleId,
        facts.published,
        SparseVector.unitOfStrongest(words, WORD_TERMS),
        SparseVector.unitOfStrongest(tfIdf(facts.titleTerms, documentFrequency, documents), TITLE_TERMS),
        SparseVector.unitOfStrongest(entities, ENTITY_TERMS),
        SparseVector.unitOfStrongest(tfIdf(facts.values, documentFrequency, documents), VALUE_TERMS),
        facts.fingerprint);
  }

  private static List<Map.Entry<String, Double>> tfIdf(
      List<String> terms, Map<String, Long> documentFrequency, long documents) {
    Map<String, Integer> tf = new HashMap<>();
    for (String term : terms) {
      tf.merge(term, 1, Integer::sum);
    }
    List<Map.Entry<String, Double>> weighted = new ArrayList<>();
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      Long df = documentFrequency.get(e.getKey());
      if (df != null) {
        weighted.add(Map.entry(e.getKey(), (1 + Math.log(e.getValue())) * idf(df, documents)));
      }
    }
    return weighted;
  }

  static boolean isEntity(String term) {
    return term.startsWith(EntityKeys.TERM_MARK);
  }

  /**
   * The blocks an article is filed under: its strongest words and its strongest entities (ties
   * by term hash), each named by its term's hash.
   */
  static List<String> blockingKeys(EventSignature s) {
    List<String> keys = new ArrayList<>();
    for (SparseVector v : List.of(s.words, s.entities)) {
      for (long hash : v.strongest(BLOCKING_KEYS / 2)) {
        keys.add(Long.toHexString(hash));
      }
    }
    return keys;
  }

  /** The blocking key of a term. */
  static String blockingKey(String term) {
    return Long.toHexString(SparseVector.hash(term));
  }

  /** The articles of each blocking key, in order of first appearance. */
  static Map<String, List<EventSignature>> blocks(List<EventSignature> signatures) {
    Map<String, List<EventSignature>> blocks = new LinkedHashMap<>();
    for (EventSignature s : signatures) {
      for (String key : blockingKeys(s)) {
        blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
      }
    }
    return blocks;
  }

  /**
   * The candidate pairs of one block: each article with its next {@link #BLOCK_WINDOW} in time
   * order, so the work per article is bounded however large the block grows. Sorts the block.
   */
  static void forEachCandidate(
      List<EventSignature> block, BiConsumer<EventSignature, EventSignature> pair) {
    block.sort(TIME_ORDER);
    for (int i = 0; i < block.size(); i++) {
      int end = Math.min(block.size(), i + 1 + BLOCK_WINDOW);
      for (int j = i + 1; j < end; j++) {
        pair.accept(block.get(i), block.get(j));
      }
    }
  }

  /** Whether two articles of one block are linked: candidates for one story by their score. */
  static boolean linked(EventSignature a, EventSignature b, SimilarityModel model) {
    SimilarityModel links = model.links();
    return links.sameStory(links.score(SimilarityFeatures.of(a, b)));
  }

  /** Time order inside a block: dated articles first by date, then by id; deterministic. */
  static final Comparator<EventSignature> TIME_ORDER =
      Comparator.comparing(
              (EventSignature v) -> v.published == null ? Long.MAX_VALUE : v.published.getMillis())
          .thenComparing(v -> v.articleId);
}
