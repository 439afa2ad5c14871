package io.storyline.cluster;

import io.storyline.model.ArticleFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link GroupIntoStories}' steps on one machine, without Beam, from the same pure logic: the
 * signatures, the candidate pairs of the blocks, the links, the pieces and their clustering. For
 * the tools that train and score the similarity model on labelled files, which rerun grouping
 * many times on facts extracted once.
 */
public final class InMemoryGrouping {
  /** A candidate pair of the blocks and its features. */
  public record CandidatePair(String a, String b, double[] features) {}

  private InMemoryGrouping() {}

  /** The signatures of a corpus, with its own document frequencies. */
  public static List<EventSignature> signatures(List<ArticleFacts> corpus) {
    List<ArticleTerms> terms = new ArrayList<>(corpus.size());
    for (ArticleFacts facts : corpus) {
      terms.add(ArticleTerms.of(facts));
    }
    Map<String, Long> df = TermCounts.shared(terms);
    List<EventSignature> signatures = new ArrayList<>(corpus.size());
    for (ArticleTerms article : terms) {
      signatures.add(EventSignatures.vector(article, df, corpus.size()));
    }
    return signatures;
  }

  /** Every distinct pair the blocks compare, with its features. */
  public static List<CandidatePair> candidatePairs(List<EventSignature> signatures) {
    Set<String> seen = new TreeSet<>();
    List<CandidatePair> pairs = new ArrayList<>();
    for (List<EventSignature> block : EventSignatures.blocks(signatures).values()) {
      EventSignatures.forEachCandidate(block, (a, b) -> {
        if (seen.add(a.articleId + "\u0000" + b.articleId)) {
          pairs.add(new CandidatePair(a.articleId, b.articleId, SimilarityFeatures.of(a, b)));
        }
      });
    }
    return pairs;
  }

  /** Article id → story id, as {@link GroupIntoStories} assigns them. */
  public static Map<String, String> group(List<EventSignature> signatures, SimilarityModel model) {
    return group(signatures, model, null);
  }

  /** The same, showing every pair of stories that clustering scores to {@code observer}. */
  public static Map<String, String> group(
      List<EventSignature> signatures, SimilarityModel model, @Nullable MergeObserver observer) {
    Map<String, String> storyOf = new HashMap<>();
    AverageLinkage linkage = new AverageLinkage(model, observer);
    for (List<EventSignature> piece : pieces(signatures, model).values()) {
      if (piece.size() == 1) {
        storyOf.put(piece.get(0).articleId, StoryIds.of(piece.get(0).articleId));
        continue;
      }
      for (AverageLinkage.Story story : linkage.cluster(piece)) {
        String smallest = story.members().stream().map(m -> m.articleId).min(String::compareTo).get();
        for (EventSignature m : story.members()) {
          storyOf.put(m.articleId, StoryIds.of(smallest));
        }
      }
    }
    return storyOf;
  }

  /**
   * The pieces of the link graph, in order of their first member: the connected components of the
   * links the link model ({@link SimilarityModel#links}) finds in the blocks, an unlinked article
   * a piece of its own.
   */
  public static Map<String, List<EventSignature>> pieces(
      List<EventSignature> signatures, SimilarityModel model) {
    Map<String, String> parents = new HashMap<>();
    for (List<EventSignature> block : EventSignatures.blocks(signatures).values()) {
      EventSignatures.forEachCandidate(block, (a, b) -> {
        if (EventSignatures.linked(a, b, model)) {
          UnionFind.union(parents, a.articleId, b.articleId);
        }
      });
    }
    Map<String, List<EventSignature>> pieces = new LinkedHashMap<>();
    for (EventSignature s : signatures) {
      String root = parents.containsKey(s.articleId)
          ? UnionFind.find(parents, s.articleId) : s.articleId;
      pieces.computeIfAbsent(root, k -> new ArrayList<>()).add(s);
    }
    return pieces;
  }
}
