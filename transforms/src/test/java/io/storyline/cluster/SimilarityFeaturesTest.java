package io.storyline.cluster;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.joda.time.Instant;
import org.junit.Test;

public class SimilarityFeaturesTest {
  private static final long DAY = 86_400_000L;

  @Test
  public void theCosinesOfDatedArticlesFadeWithTheDaysBetweenThem() {
    Random random = new Random(5);
    EventSignature a = article("a", random);
    EventSignature b = article("b", random);
    double sameDay = SimilarityFeatures.of(at(a, 0), at(b, 0))[0];
    assertTrue(sameDay > 0);
    assertEquals(sameDay, SimilarityFeatures.of(at(a, 0), at(b, 1))[0], 1e-12);
    double fourDays = SimilarityFeatures.of(at(a, 0), at(b, 4))[0];
    assertEquals(sameDay * Math.exp(-1), fourDays, 1e-12);
    assertEquals(0, SimilarityFeatures.of(at(a, 0), at(b, SimilarityFeatures.NEAR_DAYS))[0], 0);
    // An undated article's cosines are not gated; time adds nothing to any pair.
    assertEquals(sameDay, SimilarityFeatures.of(at(a, 0), undated(b))[0], 1e-12);
    assertArrayEquals(SimilarityFeatures.of(at(a, 0), at(b, 0)),
        SimilarityFeatures.of(at(a, 0), undated(b)), 1e-12);
  }

  private static EventSignature at(EventSignature s, long day) {
    return s.at(new Instant(day * DAY));
  }

  private static EventSignature undated(EventSignature s) {
    return s.at(null);
  }

  @Test
  public void meanFeaturesOfTwoGroupsAreTheMeansOfTheirPairs() {
    Random random = new Random(11);
    List<EventSignature> left = new ArrayList<>();
    List<EventSignature> right = new ArrayList<>();
    Map<String, SparseVector> near = new HashMap<>();
    for (int i = 0; i < 6; i++) {
      left.add(article("l" + i, random));
      right.add(article("r" + i, random));
      near.put("l" + i, vector(random, "w", 12));
      near.put("r" + i, vector(random, "w", 12));
    }
    SimilarityFeatures.Group a = group(left, near);
    SimilarityFeatures.Group b = group(right, near);
    double[] mean = a.meanFeatures(b);
    // Every feature, the neighbourhoods' cosine too, is an exact mean over the 36 pairs.
    for (int f = 0; f < SimilarityFeatures.COUNT; f++) {
      double sum = 0;
      for (EventSignature x : left) {
        for (EventSignature y : right) {
          sum += SimilarityFeatures.of(x, near.get(x.articleId), y, near.get(y.articleId))[f];
        }
      }
      assertTrue(SimilarityFeatures.NAMES.get(f), f != SimilarityFeatures.NEIGHBOURHOOD || sum > 0);
      assertEquals(SimilarityFeatures.NAMES.get(f), sum / 36, mean[f], 1e-9);
    }
  }

  private static SimilarityFeatures.Group group(
      List<EventSignature> members, Map<String, SparseVector> near) {
    SimilarityFeatures.Group g = SimilarityFeatures.Group.of(members.get(0), near.get(members.get(0).articleId));
    members.subList(1, members.size())
        .forEach(s -> g.absorb(SimilarityFeatures.Group.of(s, near.get(s.articleId))));
    return g;
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

  private static EventSignature article(String id, Random random) {
    return new EventSignature(id, random.nextInt(5) == 0 ? null : new Instant(random.nextInt(40) * DAY),
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
