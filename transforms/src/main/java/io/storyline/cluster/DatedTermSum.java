package io.storyline.cluster;

import java.util.Map;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The sum of a group's vectors of one kind, kept so that the sum over two groups' cross pairs of
 * their time-gated dot products ({@link SimilarityFeatures#gate}) is exact: the sum over all
 * members, the sum over dated members, and the sum of each day's members. Pairs with an undated
 * member are not gated; dated pairs keep part of their dot product, less the more days lie
 * between them, and only day pairs closer than {@link SimilarityFeatures#NEAR_DAYS} keep any, so
 * the work is one group's days times that window of the other's, never their members' pairs.
 */
final class DatedTermSum {
  private final TermSum all = new TermSum();
  private final TermSum dated = new TermSum();
  private final TreeMap<Long, TermSum> byDay = new TreeMap<>();

  void add(SparseVector v, @Nullable Long day) {
    v.addTo(all);
    if (day != null) {
      v.addTo(dated);
      v.addTo(byDay.computeIfAbsent(day, d -> new TermSum()));
    }
  }

  void addAll(DatedTermSum other) {
    all.addAll(other.all);
    dated.addAll(other.dated);
    other.byDay.forEach((day, sum) -> byDay.computeIfAbsent(day, d -> new TermSum()).addAll(sum));
  }

  /**
   * The sum over all pairs of a member of this group and one of the other of their gated dot
   * product: the undated pairs' dot products (all pairs' less the dated pairs'), plus the dated
   * pairs' near in time, each times its gate.
   */
  double gatedDot(DatedTermSum o) {
    double total = all.dot(o.all);
    if (byDay.isEmpty() || o.byDay.isEmpty()) {
      return total;
    }
    double gated = 0;
    for (Map.Entry<Long, TermSum> day : byDay.entrySet()) {
      long d = day.getKey();
      for (Map.Entry<Long, TermSum> other :
          o.byDay.subMap(d - SimilarityFeatures.NEAR_DAYS, false,
              d + SimilarityFeatures.NEAR_DAYS, false).entrySet()) {
        gated += SimilarityFeatures.gate(Math.abs(d - other.getKey()))
            * day.getValue().dot(other.getValue());
      }
    }
    return total - dated.dot(o.dated) + gated;
  }
}
