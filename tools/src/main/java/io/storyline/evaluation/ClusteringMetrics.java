package io.storyline.evaluation;

import java.util.Locale;
import java.util.Map;

/**
 * Scores of a predicted clustering against a gold clustering, computed from the contingency table
 * of the two.
 *
 * <p>The items scored are those of the gold clustering. An item that is in the gold clustering but
 * missing from the prediction (or predicted with a null label) counts as a predicted cluster of its
 * own, a singleton; items only in the prediction are ignored. Both counts are kept ({@link
 * #missingFromPrediction()}, {@link #notInGold()}).
 *
 * <ul>
 *   <li><b>B-cubed</b> (Bagga and Baldwin 1998): for each item, precision is the share of its
 *       predicted cluster that is in its gold cluster, recall the share of its gold cluster that is
 *       in its predicted cluster; both are averaged over items and F1 is taken from the two
 *       averages.
 *   <li><b>Pairwise</b>: over unordered item pairs, a pair is predicted together if both items
 *       share a predicted cluster and truly together if they share a gold cluster. Counts come from
 *       the contingency table as sums of "n choose 2". With no predicted pair, precision is 1
 *       (nothing wrongly joined); with no gold pair, recall is 1.
 *   <li><b>Adjusted Rand index</b> (Hubert and Arabie 1985), from the same sums. When the index is
 *       undefined (both clusterings all-singletons, or both all-in-one, or fewer than two items)
 *       the two clusterings agree and it is 1.
 * </ul>
 */
public final class ClusteringMetrics {
  private final int items;
  private final int goldClusters;
  private final int predictedClusters;
  private final int missingFromPrediction;
  private final int notInGold;
  private final double bcubedPrecision;
  private final double bcubedRecall;
  private final long truePairs;
  private final long predictedPairs;
  private final long goldPairs;
  private final double adjustedRandIndex;

  private ClusteringMetrics(
      int items,
      int goldClusters,
      int predictedClusters,
      int missingFromPrediction,
      int notInGold,
      double bcubedPrecision,
      double bcubedRecall,
      long truePairs,
      long predictedPairs,
      long goldPairs,
      double adjustedRandIndex) {
    this.items = items;
    this.goldClusters = goldClusters;
    this.predictedClusters = predictedClusters;
    this.missingFromPrediction = missingFromPrediction;
    this.notInGold = notInGold;
    this.bcubedPrecision = bcubedPrecision;
    this.bcubedRecall = bcubedRecall;
    this.truePairs = truePairs;
    this.predictedPairs = predictedPairs;
    this.goldPairs = goldPairs;
    this.adjustedRandIndex = adjustedRandIndex;
  }

  /**
   * Scores {@code predicted} against {@code gold}; both map item id to cluster label.
   *
   * @throws IllegalArgumentException if the gold clustering has a null id or label
   */
  public static ClusteringMetrics compute(Map<String, String> gold, Map<String, String> predicted) {
    return compute(AlignedClusterings.of(gold, predicted));
  }

  static ClusteringMetrics compute(AlignedClusterings aligned) {
    int n = aligned.size();
    long[] goldSizes = aligned.goldSizes();
    long[] predictedSizes = aligned.predictedSizes();
    Map<Long, Long> cells = aligned.contingency();

    // B-cubed: each of the n_gp items of cell (g, p) has precision n_gp / |p| and recall
    // n_gp / |g|, so a cell adds n_gp^2 / |p| and n_gp^2 / |g| to the sums over items.
    double precisionSum = 0;
    double recallSum = 0;
    long truePairs = 0;
    for (Map.Entry<Long, Long> cell : cells.entrySet()) {
      long shared = cell.getValue();
      double squared = (double) shared * shared;
      precisionSum += squared / predictedSizes[AlignedClusterings.predictedOfCell(cell.getKey())];
      recallSum += squared / goldSizes[AlignedClusterings.goldOfCell(cell.getKey())];
      truePairs += pairs(shared);
    }
    long predictedPairs = 0;
    for (long size : predictedSizes) {
      predictedPairs += pairs(size);
    }
    long goldPairs = 0;
    for (long size : goldSizes) {
      goldPairs += pairs(size);
    }
    return new ClusteringMetrics(
        n,
        aligned.goldClusterCount(),
        aligned.predictedClusterCount(),
        aligned.missingFromPrediction,
        aligned.notInGold,
        n == 0 ? 1.0 : precisionSum / n,
        n == 0 ? 1.0 : recallSum / n,
        truePairs,
        predictedPairs,
        goldPairs,
        adjustedRandIndex(truePairs, predictedPairs, goldPairs, pairs(n)));
  }

  /** n choose 2. */
  static long pairs(long n) {
    return n * (n - 1) / 2;
  }

  private static double adjustedRandIndex(
      long truePairs, long predictedPairs, long goldPairs, long allPairs) {
    if (allPairs == 0) {
      return 1.0;
    }
    double expected = (double) goldPairs * predictedPairs / allPairs;
    double maximum = (goldPairs + predictedPairs) / 2.0;
    if (maximum == expected) {
      return 1.0;
    }
    return (truePairs - expected) / (maximum - expected);
  }

  private static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
  }

  /** Items scored: those of the gold clustering. */
  public int items() {
    return items;
  }

  public int goldClusters() {
    return goldClusters;
  }

  /** Predicted clusters over the scored items, singletons made for missing items included. */
  public int predictedClusters() {
    return predictedClusters;
  }

  /** Gold items the prediction lacks (or labels null); each was scored as a singleton. */
  public int missingFromPrediction() {
    return missingFromPrediction;
  }

  /** Predicted items that are not in the gold clustering; they were ignored. */
  public int notInGold() {
    return notInGold;
  }

  public double bcubedPrecision() {
    return bcubedPrecision;
  }

  public double bcubedRecall() {
    return bcubedRecall;
  }

  public double bcubedF1() {
    return f1(bcubedPrecision, bcubedRecall);
  }

  /** Pairs of items together in both clusterings. */
  public long truePairs() {
    return truePairs;
  }

  /** Pairs of items together in the prediction. */
  public long predictedPairs() {
    return predictedPairs;
  }

  /** Pairs of items together in the gold clustering. */
  public long goldPairs() {
    return goldPairs;
  }

  public double pairwisePrecision() {
    return predictedPairs == 0 ? 1.0 : (double) truePairs / predictedPairs;
  }

  public double pairwiseRecall() {
    return goldPairs == 0 ? 1.0 : (double) truePairs / goldPairs;
  }

  public double pairwiseF1() {
    return f1(pairwisePrecision(), pairwiseRecall());
  }

  public double adjustedRandIndex() {
    return adjustedRandIndex;
  }

  /** A few lines: B-cubed, pairwise, ARI and cluster counts. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "B-cubed   P %.3f  R %.3f  F1 %.3f%n"
            + "pairwise  P %.3f  R %.3f  F1 %.3f%n"
            + "ARI       %.3f%n"
            + "stories   %d predicted, %d gold, over %d articles%n",
        bcubedPrecision(),
        bcubedRecall(),
        bcubedF1(),
        pairwisePrecision(),
        pairwiseRecall(),
        pairwiseF1(),
        adjustedRandIndex(),
        predictedClusters,
        goldClusters,
        items);
  }

  @Override
  public String toString() {
    return summary();
  }
}
