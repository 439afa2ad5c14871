package io.storyline.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A gold and a predicted clustering over the same items, with labels replaced by dense cluster
 * numbers. The items are those of the gold clustering:
 *
 * <ul>
 *   <li>an item in the gold clustering but absent from the prediction (or predicted with a null
 *       label) is placed in a predicted cluster of its own, a singleton;
 *   <li>an item only in the prediction is ignored.
 * </ul>
 */
final class AlignedClusterings {
  /** Item ids, in the iteration order of the gold map. */
  final List<String> items;

  /** Gold cluster number of each item. */
  final int[] gold;

  /** Predicted cluster number of each item. */
  final int[] predicted;

  /** Gold label of each gold cluster number. */
  final List<String> goldLabels;

  /**
   * Predicted label of each predicted cluster number; null for the singletons made for items the
   * prediction lacks.
   */
  final List<String> predictedLabels;

  /** Gold items the prediction lacks (or labels null), each now a singleton. */
  final int missingFromPrediction;

  /** Predicted items that are not in the gold clustering, ignored. */
  final int notInGold;

  private AlignedClusterings(
      List<String> items,
      int[] gold,
      int[] predicted,
      List<String> goldLabels,
      List<String> predictedLabels,
      int missingFromPrediction,
      int notInGold) {
    this.items = items;
    this.gold = gold;
    this.predicted = predicted;
    this.goldLabels = goldLabels;
    this.predictedLabels = predictedLabels;
    this.missingFromPrediction = missingFromPrediction;
    this.notInGold = notInGold;
  }

  static AlignedClusterings of(Map<String, String> gold, Map<String, String> predicted) {
    int n = gold.size();
    List<String> items = new ArrayList<>(n);
    int[] goldOf = new int[n];
    int[] predictedOf = new int[n];
    Map<String, Integer> goldNumbers = new HashMap<>();
    Map<String, Integer> predictedNumbers = new HashMap<>();
    List<String> goldLabels = new ArrayList<>();
    List<String> predictedLabels = new ArrayList<>();
    int missing = 0;
    int i = 0;
    for (Map.Entry<String, String> entry : gold.entrySet()) {
      String id = entry.getKey();
      String goldLabel = entry.getValue();
      if (id == null || goldLabel == null) {
        throw new IllegalArgumentException("Gold clustering has a null id or label: " + id);
      }
      items.add(id);
      goldOf[i] = number(goldLabel, goldNumbers, goldLabels);
      String predictedLabel = predicted.get(id);
      if (predictedLabel == null) {
        missing++;
        predictedOf[i] = predictedLabels.size();
        predictedLabels.add(null);
      } else {
        predictedOf[i] = number(predictedLabel, predictedNumbers, predictedLabels);
      }
      i++;
    }
    int notInGold = 0;
    for (String id : predicted.keySet()) {
      if (!gold.containsKey(id)) {
        notInGold++;
      }
    }
    return new AlignedClusterings(
        Collections.unmodifiableList(items),
        goldOf,
        predictedOf,
        Collections.unmodifiableList(goldLabels),
        Collections.unmodifiableList(predictedLabels),
        missing,
        notInGold);
  }

  private static int number(String label, Map<String, Integer> numbers, List<String> labels) {
    Integer known = numbers.get(label);
    if (known != null) {
      return known;
    }
    int fresh = labels.size();
    numbers.put(label, fresh);
    labels.add(label);
    return fresh;
  }

  int size() {
    return items.size();
  }

  int goldClusterCount() {
    return goldLabels.size();
  }

  int predictedClusterCount() {
    return predictedLabels.size();
  }

  /** Number of items in each gold cluster. */
  long[] goldSizes() {
    return sizes(gold, goldClusterCount());
  }

  /** Number of items in each predicted cluster. */
  long[] predictedSizes() {
    return sizes(predicted, predictedClusterCount());
  }

  /**
   * The non-empty cells of the contingency table: for each (gold cluster, predicted cluster) pair
   * that shares items, the number of shared items.
   */
  Map<Long, Long> contingency() {
    Map<Long, Long> cells = new HashMap<>();
    for (int i = 0; i < size(); i++) {
      cells.merge(cell(gold[i], predicted[i]), 1L, Long::sum);
    }
    return cells;
  }

  static long cell(int goldCluster, int predictedCluster) {
    return ((long) goldCluster << 32) | (predictedCluster & 0xffffffffL);
  }

  static int goldOfCell(long cell) {
    return (int) (cell >>> 32);
  }

  static int predictedOfCell(long cell) {
    return (int) cell;
  }

  private static long[] sizes(int[] clusterOf, int clusters) {
    long[] sizes = new long[clusters];
    for (int c : clusterOf) {
      sizes[c]++;
    }
    return sizes;
  }
}
