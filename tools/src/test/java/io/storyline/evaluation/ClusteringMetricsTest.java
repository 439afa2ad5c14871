package io.storyline.evaluation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ClusteringMetricsTest {
  private static final double EPS = 1e-9;

  /** Items named by position: {@code labels("a", "a", "b")} gives {0=a, 1=a, 2=b}. */
  private static Map<String, String> labels(String... labels) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i++) {
      map.put(String.valueOf(i), labels[i]);
    }
    return map;
  }

  /** Gold for most cases: {0,1,2} together, {3,4} together. */
  private static final Map<String, String> GOLD = labels("g1", "g1", "g1", "g2", "g2");

  @Test
  public void perfectClusteringUnderOtherNamesScoresOne() {
    ClusteringMetrics m = ClusteringMetrics.compute(GOLD, labels("x", "x", "x", "y", "y"));

    assertEquals(1.0, m.bcubedPrecision(), EPS);
    assertEquals(1.0, m.bcubedRecall(), EPS);
    assertEquals(1.0, m.bcubedF1(), EPS);
    assertEquals(1.0, m.pairwisePrecision(), EPS);
    assertEquals(1.0, m.pairwiseRecall(), EPS);
    assertEquals(1.0, m.adjustedRandIndex(), EPS);
    assertEquals(4, m.truePairs());
    assertEquals(2, m.predictedClusters());
    assertEquals(2, m.goldClusters());
    assertEquals(5, m.items());
  }

  @Test
  public void allInOneCluster() {
    ClusteringMetrics m = ClusteringMetrics.compute(GOLD, labels("x", "x", "x", "x", "x"));

    // Precision per item: 3/5 for the three, 2/5 for the two: (3 * 3/5 + 2 * 2/5) / 5 = 13/25.
    assertEquals(13.0 / 25, m.bcubedPrecision(), EPS);
    assertEquals(1.0, m.bcubedRecall(), EPS);
    assertEquals(2 * 0.52 / 1.52, m.bcubedF1(), EPS);
    // 10 predicted pairs, 3 + 1 gold pairs, all of them found.
    assertEquals(10, m.predictedPairs());
    assertEquals(4, m.goldPairs());
    assertEquals(4, m.truePairs());
    assertEquals(0.4, m.pairwisePrecision(), EPS);
    assertEquals(1.0, m.pairwiseRecall(), EPS);
    assertEquals(0.8 / 1.4, m.pairwiseF1(), EPS);
    // Putting everything together is exactly what chance expects.
    assertEquals(0.0, m.adjustedRandIndex(), EPS);
    assertEquals(1, m.predictedClusters());
  }

  @Test
  public void allSingletons() {
    ClusteringMetrics m = ClusteringMetrics.compute(GOLD, labels("a", "b", "c", "d", "e"));

    assertEquals(1.0, m.bcubedPrecision(), EPS);
    // Recall per item: 1/3 for the three, 1/2 for the two: (1 + 1) / 5.
    assertEquals(0.4, m.bcubedRecall(), EPS);
    assertEquals(0.8 / 1.4, m.bcubedF1(), EPS);
    assertEquals(0, m.predictedPairs());
    assertEquals(1.0, m.pairwisePrecision(), EPS);
    assertEquals(0.0, m.pairwiseRecall(), EPS);
    assertEquals(0.0, m.pairwiseF1(), EPS);
    assertEquals(0.0, m.adjustedRandIndex(), EPS);
    assertEquals(5, m.predictedClusters());
  }

  /**
   * Bagga and Baldwin (1998), "Algorithms for scoring coreference chains", figure of 12 mentions:
   * truth {1-5} {6-7} {8-12}. Their response (a) merges the last two chains, response (b) the first
   * and the last; the paper reports B-cubed precision 76% and 58%, recall 100% for both.
   */
  @Test
  public void baggaBaldwinResponseMergingTheSmallChain() {
    Map<String, String> truth = labels("A", "A", "A", "A", "A", "B", "B", "C", "C", "C", "C", "C");
    Map<String, String> response =
        labels("x", "x", "x", "x", "x", "y", "y", "y", "y", "y", "y", "y");

    ClusteringMetrics m = ClusteringMetrics.compute(truth, response);

    // (5 * 5/5 + 2 * 2/7 + 5 * 5/7) / 12 = 64/84
    assertEquals(64.0 / 84, m.bcubedPrecision(), EPS);
    assertEquals(0.76, m.bcubedPrecision(), 0.005);
    assertEquals(1.0, m.bcubedRecall(), EPS);
    // Pairs: 10 + 21 predicted, 10 + 1 + 10 gold, all gold pairs found.
    assertEquals(21.0 / 31, m.pairwisePrecision(), EPS);
    assertEquals(1.0, m.pairwiseRecall(), EPS);
    // ARI = (21 - 21*31/66) / (26 - 21*31/66) = 735 / 1065
    assertEquals(735.0 / 1065, m.adjustedRandIndex(), EPS);
  }

  @Test
  public void baggaBaldwinResponseMergingTheLargeChains() {
    Map<String, String> truth = labels("A", "A", "A", "A", "A", "B", "B", "C", "C", "C", "C", "C");
    Map<String, String> response =
        labels("x", "x", "x", "x", "x", "y", "y", "x", "x", "x", "x", "x");

    ClusteringMetrics m = ClusteringMetrics.compute(truth, response);

    // (5 * 5/10 + 2 * 2/2 + 5 * 5/10) / 12 = 7/12
    assertEquals(7.0 / 12, m.bcubedPrecision(), EPS);
    assertEquals(0.58, m.bcubedPrecision(), 0.005);
    assertEquals(1.0, m.bcubedRecall(), EPS);
    // Pairs: 45 + 1 predicted, 21 found.
    assertEquals(21.0 / 46, m.pairwisePrecision(), EPS);
  }

  @Test
  public void bcubedRecallOfASplit() {
    // Gold {0,1,2,3} split 3 + 1: recall 3/4 for three items, 1/4 for one.
    ClusteringMetrics m =
        ClusteringMetrics.compute(labels("g", "g", "g", "g"), labels("x", "x", "x", "y"));

    assertEquals(1.0, m.bcubedPrecision(), EPS);
    assertEquals((3 * 0.75 + 0.25) / 4, m.bcubedRecall(), EPS);
    assertEquals(3.0 / 6, m.pairwiseRecall(), EPS);
  }

  @Test
  public void adjustedRandIndexOfPartialAgreement() {
    // gold [0,0,1,2], predicted [0,0,1,1]: (1 - 2/6) / (1.5 - 2/6) = 4/7.
    ClusteringMetrics m =
        ClusteringMetrics.compute(labels("0", "0", "1", "2"), labels("0", "0", "1", "1"));

    assertEquals(4.0 / 7, m.adjustedRandIndex(), EPS);
    assertEquals(0.5, m.pairwisePrecision(), EPS);
    assertEquals(1.0, m.pairwiseRecall(), EPS);
  }

  @Test
  public void adjustedRandIndexBelowChanceIsNegative() {
    // gold [0,0,1,1], predicted [0,1,0,1]: no pair agrees; (0 - 4/6) / (2 - 4/6) = -1/2.
    ClusteringMetrics m =
        ClusteringMetrics.compute(labels("0", "0", "1", "1"), labels("0", "1", "0", "1"));

    assertEquals(-0.5, m.adjustedRandIndex(), EPS);
    assertEquals(0.0, m.pairwiseF1(), EPS);
    assertEquals(0.5, m.bcubedPrecision(), EPS);
    assertEquals(0.5, m.bcubedRecall(), EPS);
  }

  @Test
  public void itemsMissingFromThePredictionAreSingletonsAndExtraItemsIgnored() {
    Map<String, String> gold = labels("g", "g", "g");
    Map<String, String> predicted = new HashMap<>();
    predicted.put("0", "x");
    predicted.put("1", "x");
    predicted.put("extra", "x");

    ClusteringMetrics m = ClusteringMetrics.compute(gold, predicted);

    assertEquals(1, m.missingFromPrediction());
    assertEquals(1, m.notInGold());
    assertEquals(3, m.items());
    assertEquals(2, m.predictedClusters());
    assertEquals(1.0, m.bcubedPrecision(), EPS);
    assertEquals((2.0 / 3 + 2.0 / 3 + 1.0 / 3) / 3, m.bcubedRecall(), EPS);
    assertEquals(1, m.predictedPairs());
    assertEquals(1.0 / 3, m.pairwiseRecall(), EPS);
  }

  @Test
  public void nullPredictedLabelsAreSeparateSingletons() {
    Map<String, String> predicted = new HashMap<>();
    predicted.put("0", null);
    predicted.put("1", null);

    ClusteringMetrics m = ClusteringMetrics.compute(labels("g", "g"), predicted);

    assertEquals(2, m.missingFromPrediction());
    assertEquals(2, m.predictedClusters());
    assertEquals(0, m.predictedPairs());
    assertEquals(0.5, m.bcubedRecall(), EPS);
  }

  @Test
  public void bothAllSingletonsAgreeFully() {
    ClusteringMetrics m = ClusteringMetrics.compute(labels("a", "b", "c"), labels("x", "y", "z"));

    assertEquals(1.0, m.bcubedF1(), EPS);
    assertEquals(1.0, m.pairwiseF1(), EPS);
    assertEquals(1.0, m.adjustedRandIndex(), EPS);
  }

  @Test
  public void emptyGoldScoresOne() {
    ClusteringMetrics m = ClusteringMetrics.compute(new HashMap<>(), labels("x"));

    assertEquals(0, m.items());
    assertEquals(1, m.notInGold());
    assertEquals(1.0, m.bcubedF1(), EPS);
    assertEquals(1.0, m.adjustedRandIndex(), EPS);
  }

  @Test
  public void pairCountsDoNotOverflowOnLargeClusters() {
    Map<String, String> gold = new HashMap<>();
    Map<String, String> predicted = new HashMap<>();
    for (int i = 0; i < 100_000; i++) {
      gold.put("a" + i, "g");
      predicted.put("a" + i, i < 50_000 ? "x" : "y");
    }

    ClusteringMetrics m = ClusteringMetrics.compute(gold, predicted);

    assertEquals(4_999_950_000L, m.goldPairs());
    assertEquals(2 * 1_249_975_000L, m.predictedPairs());
    assertEquals(0.5, m.bcubedRecall(), EPS);
  }

  @Test
  public void nullGoldLabelIsRejected() {
    Map<String, String> gold = new HashMap<>();
    gold.put("0", null);

    assertThrows(IllegalArgumentException.class, () -> ClusteringMetrics.compute(gold, gold));
  }
}
