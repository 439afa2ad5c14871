package io.storyline.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each article's neighbourhood: its word vector plus those of the articles it is linked to, each
 * weighted by the two articles' word cosine, cut to the strongest terms and scaled to unit length.
 * Two articles of a large story often share few words with each other but many with the same
 * neighbours (two headlines of one crash, one naming the airline and one the search), and the
 * cosine of their neighbourhoods says so; two articles of a small story have few neighbours, and
 * theirs says little more than their own words. It is a kernel like the others (a cosine of unit
 * vectors), so a group's mean over cross pairs stays exact.
 *
 * <p>Bounded: at most {@link #NEIGHBOURS} neighbours per article, the most similar (ties by id),
 * found among the links of one piece, which the blocks already bound.
 */
final class Neighbourhoods {
  static final int NEIGHBOURS = 10;
  static final int TERMS = 60;

  private Neighbourhoods() {}

  /** A link between two articles of a piece and the cosine of their words. */
  record Link(EventSignature a, EventSignature b, double cosine) {}

  /** The neighbourhood of every article of the links, by article id. */
  static Map<String, SparseVector> of(List<Link> links) {
    Map<String, List<Link>> byArticle = new HashMap<>();
    Map<String, EventSignature> articles = new HashMap<>();
    for (Link link : links) {
      byArticle.computeIfAbsent(link.a.articleId, k -> new ArrayList<>()).add(link);
      byArticle.computeIfAbsent(link.b.articleId, k -> new ArrayList<>()).add(link);
      articles.put(link.a.articleId, link.a);
      articles.put(link.b.articleId, link.b);
    }
    Map<String, SparseVector> neighbourhoods = new HashMap<>();
    for (Map.Entry<String, List<Link>> e : byArticle.entrySet()) {
      String id = e.getKey();
      List<Link> near = new ArrayList<>(e.getValue());
      near.sort(Comparator.comparingDouble((Link l) -> -l.cosine)
          .thenComparing(l -> other(l, id).articleId));
      Map<Long, Double> sum = new HashMap<>();
      articles.get(id).words.addTo(sum, 1);
      for (Link l : near.subList(0, Math.min(NEIGHBOURS, near.size()))) {
        other(l, id).words.addTo(sum, l.cosine);
      }
      neighbourhoods.put(id, SparseVector.unitOfStrongestHashed(sum, TERMS));
    }
    return neighbourhoods;
  }

  private static EventSignature other(Link l, String id) {
    return l.a.articleId.equals(id) ? l.b : l.a;
  }
}
