package io.storyline.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.joda.time.Instant;
import org.junit.Test;

public class SimilarityFeaturesTest {
  private static final long DAY = 86_400_000L;

  @Test
  public void decaySumsEqualTheSumOverAllPairsOfDays() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      TreeMap<Long, Integer> a = randomDays(random);
      TreeMap<Long, Integer> b = randomDays(random);
      double shortSum = 0;
      double longSum = 0;
      for (Map.Entry<Long, Integer> x : a.entrySet()) {
        for (Map.Entry<Long, Integer> y : b.entrySet()) {
          double apart = Math.abs(x.getKey() - y.getKey());
          shortSum += x.getValue() * y.getValue() * Math.exp(-apart / 2);
          longSum += x.getValue() * y.getValue() * Math.exp(-apart / 14);
        }
      }
      double[] sums = SimilarityFeatures.decaySums(a, b);
      assertEquals(shortSum, sums[0], 1e-9 * Math.max(1, shortSum));
      assertEquals(longSum, sums[1], 1e-9 * Math.max(1, longSum));
    }
  }

  @Test
  public void meanFeaturesOfTwoGroupsAreTheMeansOfTheirPairs() {
    Random random = new Random(11);
    List<EventSignature> left = new ArrayList<>();
    List<EventSignature> right = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      left.add(article("l" + i, random));
      right.add(article("r" + i, random));
    }
    SimilarityFeatures.Group a = SimilarityFeatures.Group.of(left.get(0));
    left.subList(1, left.size()).forEach(s -> a.absorb(SimilarityFeatures.Group.of(s)));
    SimilarityFeatures.Group b = SimilarityFeatures.Group.of(right.get(0));
    right.subList(1, right.size()).forEach(s -> b.absorb(SimilarityFeatures.Group.of(s)));
    double[] mean = a.meanFeatures(b);
    // Every feature is an exact mean over the 36 pairs.
    for (int f = 0; f < SimilarityFeatures.COUNT; f++) {
      double sum = 0;
      for (EventSignature x : left) {
        for (EventSignature y : right) {
          sum += SimilarityFeatures.of(x, y)[f];
        }
      }
      assertEquals(SimilarityFeatures.NAMES.get(f), sum / 36, mean[f], 1e-9);
    }
  }

  @Test
  public void twoGroupsScoreNoHigherThanTheirBestPair() {
    // What lets clustering look only at linked pairs: a mean reaches the threshold only if one of
    // the pair scores it averages does.
    Random random = new Random(13);
    SimilarityModel model = SimilarityModel.shipped();
    for (int round = 0; round < 40; round++) {
      List<EventSignature> left = new ArrayList<>();
      List<EventSignature> right = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(5); i++) {
        left.add(article("l" + i, random));
      }
      for (int i = 0; i < 1 + random.nextInt(5); i++) {
        right.add(article("r" + i, random));
      }
      double best = Double.NEGATIVE_INFINITY;
      for (EventSignature x : left) {
        for (EventSignature y : right) {
          best = Math.max(best, model.score(SimilarityFeatures.of(x, y)));
        }
      }
      double mean = model.score(group(left).meanFeatures(group(right)));
      assertTrue(mean + " > " + best, mean <= best + 1e-9);
    }
  }

  private static SimilarityFeatures.Group group(List<EventSignature> members) {
    SimilarityFeatures.Group g = SimilarityFeatures.Group.of(members.get(0));
    members.subList(1, members.size()).forEach(s -> g.absorb(SimilarityFeatures.Group.of(s)));
    return g;
  }

  private static TreeMap<Long, Integer> randomDays(Random random) {
    TreeMap<Long, Integer> days = new TreeMap<>();
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      days.merge((long) random.nextInt(60) - 30, 1 + random.nextInt(3), Integer::sum);
    }
    return days;
  }

  private static EventSignature article(String id, Random random) {
    return new EventSignature(id, new Instant(random.nextInt(40) * DAY),
        vector(random, "w", 12), vector(random, "t", 6), vector(random, "#e", 4),
        random.nextBoolean() ? SparseVector.EMPTY : vector(random, "=v", 3), List.of());
  }

  private static SparseVector vector(Random random, String prefix, int vocabulary) {
    List<Map.Entry<String, Double>> weights = new ArrayList<>();
    for (int i = 0; i < vocabulary; i++) {
      if (random.nextInt(3) > 0) {
        weights.add(Map.entry(prefix + i, 0.1 + random.nextDouble()));
      }
    }
    return SparseVector.unitOfStrongest(weights, 100);
  }
}
