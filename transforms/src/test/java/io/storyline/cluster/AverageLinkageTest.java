package io.storyline.cluster;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.joda.time.Instant;
import org.junit.Test;

public class AverageLinkageTest {
  /** Scores word cosine alone: two articles are one story from a cosine of 0.5. */
  private static final SimilarityModel WORDS_ONLY = model(-0.5, 0);

  private static SimilarityModel model(double intercept, double threshold) {
    double[] weights = new double[SimilarityFeatures.COUNT];
    weights[0] = 1;
    return new SimilarityModel(intercept, weights, threshold);
  }

  private static SparseVector unit(Map<String, Double> weights) {
    return SparseVector.unitOfStrongest(new ArrayList<>(weights.entrySet()), 100);
  }

  private static EventSignature signature(String id, String day, Map<String, Double> words) {
    Map<String, Double> entities = Map.of("#" + id.charAt(0), 1.0);
    return new EventSignature(id, day == null ? null : Instant.parse(day + "T10:00:00Z"),
        unit(words), unit(words), unit(entities), SparseVector.EMPTY, List.of());
  }

  private static Set<Set<String>> stories(List<AverageLinkage.Story> stories) {
    Set<Set<String>> ids = new java.util.HashSet<>();
    for (AverageLinkage.Story s : stories) {
      Set<String> members = new TreeSet<>();
      s.members().forEach(m -> members.add(m.articleId));
      ids.add(members);
    }
    return ids;
  }

  @Test
  public void sharedNeighboursJoinArticlesThatShareFewWords() {
    // Four headlines of one story: the first two share no word, each shares some with the others.
    List<EventSignature> headlines = List.of(
        signature("a", null, Map.of("airline", 1.0, "missing", 1.0)),
        signature("b", null, Map.of("search", 1.0, "ocean", 1.0)),
        signature("c", null, Map.of("airline", 1.0, "search", 1.0, "jet", 1.0)),
        signature("d", null, Map.of("missing", 1.0, "ocean", 1.0, "jet", 1.0)));
    // Links from a word cosine of 0.3; on words alone, stories need 0.5.
    SimilarityModel links = model(-0.3, 0);
    assertEquals(4, new AverageLinkage(WORDS_ONLY.withLinks(links)).cluster(headlines).size());
    double[] weights = new double[SimilarityFeatures.COUNT];
    weights[SimilarityFeatures.NEIGHBOURHOOD] = 1;
    SimilarityModel byNeighbourhood = new SimilarityModel(-0.5, weights, 0).withLinks(links);
    assertEquals(Set.of(Set.of("a", "b", "c", "d")),
        stories(new AverageLinkage(byNeighbourhood).cluster(headlines)));
  }

  @Test
  public void aChainOfPairwiseLinksIsNotOneStory() {
    // a–b and b–c are each similar (cosine 0.71), a and c not at all: single linkage would make
    // one story of the chain; average linkage keeps c out, its mean with {a, b} is 0.35.
    EventSignature a = signature("a", null, Map.of("x", 1.0));
    EventSignature b = signature("b", null, Map.of("x", 1.0, "y", 1.0));
    EventSignature c = signature("c", null, Map.of("y", 1.0));
    assertEquals(Set.of(Set.of("a", "b"), Set.of("c")),
        stories(new AverageLinkage(WORDS_ONLY).cluster(List.of(c, b, a))));
  }

  private static EventSignature earlier(String id, String story, Map<String, Double> words) {
    return signature(id, null, words).inEarlierStory(story);
  }

  @Test
  public void anEarlierStoryIsNeverSplitAndANewArticleJoinsItByTheMean() {
    // e1 and e2 share no word: alone they would be two stories; an earlier run made them one.
    EventSignature e1 = earlier("e1", "st-e", Map.of("x", 1.0));
    EventSignature e2 = earlier("e2", "st-e", Map.of("y", 1.0));
    EventSignature n = signature("n", null, Map.of("x", 1.0));
    assertEquals(Set.of(Set.of("e1", "e2")),
        stories(new AverageLinkage(WORDS_ONLY).cluster(List.of(e1, e2))));
    // n's mean cosine with {e1, e2} is 0.5, which is the threshold.
    assertEquals(Set.of(Set.of("e1", "e2", "n")),
        stories(new AverageLinkage(WORDS_ONLY).cluster(List.of(n, e2, e1))));
    // Against a stricter model the same mean is too low: n stays a story of its own.
    assertEquals(Set.of(Set.of("e1", "e2"), Set.of("n")),
        stories(new AverageLinkage(model(-0.5, 0.2)).cluster(List.of(n, e2, e1))));
  }

  @Test
  public void twoEarlierStoriesMergeOnlyThroughANewArticle() {
    List<EventSignature> earlierOnly = List.of(
        earlier("e1", "st-a", Map.of("x", 1.0)), earlier("e2", "st-a", Map.of("x", 1.0)),
        earlier("e3", "st-b", Map.of("x", 1.0)));
    // As alike as can be, but an earlier run kept them apart: nothing new, nothing changes.
    assertEquals(Set.of(Set.of("e1", "e2"), Set.of("e3")),
        stories(new AverageLinkage(WORDS_ONLY).cluster(earlierOnly)));
    List<EventSignature> withNew = new ArrayList<>(earlierOnly);
    withNew.add(signature("n", null, Map.of("x", 1.0)));
    List<AverageLinkage.Story> merged = new AverageLinkage(WORDS_ONLY).cluster(withNew);
    assertEquals(Set.of(Set.of("e1", "e2", "e3", "n")), stories(merged));
    // The larger earlier story continues and keeps its id.
    assertEquals("st-a", GroupIntoStories.storyId(merged.get(0).members()));
  }

  @Test
  public void storyIdsOfNewAndContinuedStories() {
    EventSignature n1 = signature("n1", null, Map.of("x", 1.0));
    EventSignature n2 = signature("n2", null, Map.of("x", 1.0));
    assertEquals(StoryIds.of("n1"), GroupIntoStories.storyId(List.of(n2, n1)));
    // Two earlier stories of one member each: the smaller id continues.
    assertEquals("st-a", GroupIntoStories.storyId(List.of(
        n1, earlier("e2", "st-b", Map.of("x", 1.0)), earlier("e1", "st-a", Map.of("x", 1.0)))));
  }

  @Test
  public void aTightGroupIsOneStory() {
    List<EventSignature> members = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      members.add(signature("s" + i, null, Map.of("quake", 1.0, "chile", 1.0, "w" + i, 0.5)));
    }
    members.add(signature("t0", null, Map.of("merger", 1.0, "mill", 1.0)));
    assertEquals(2, new AverageLinkage(WORDS_ONLY).cluster(members).size());
  }

  @Test
  public void meanFeaturesOfGroupsAreTheMeansOfTheirPairs() {
    List<EventSignature> left = List.of(
        signature("a1", "2024-03-01", Map.of("x", 1.0, "y", 2.0)),
        signature("a2", "2024-03-03", Map.of("x", 1.0, "z", 1.0)),
        signature("b3", null, Map.of("q", 1.0, "y", 1.0)));
    List<EventSignature> right = List.of(
        signature("b1", "2024-03-02", Map.of("y", 1.0, "z", 3.0)),
        signature("c2", "2024-03-20", Map.of("x", 2.0, "q", 1.0)));
    SimilarityFeatures.Group l = group(left);
    SimilarityFeatures.Group r = group(right);
    double[] mean = new double[SimilarityFeatures.COUNT];
    for (EventSignature x : left) {
      for (EventSignature y : right) {
        double[] f = SimilarityFeatures.of(x, y);
        for (int i = 0; i < f.length; i++) {
          mean[i] += f[i] / (left.size() * right.size());
        }
      }
    }
    double[] exact = l.meanFeatures(r);
    for (int i = 0; i < SimilarityFeatures.COUNT; i++) {
      assertEquals(SimilarityFeatures.NAMES.get(i), mean[i], exact[i], 1e-12);
    }
  }

  @Test
  public void singleArticlesGetTheirPairFeatures() {
    EventSignature a = signature("a1", "2024-03-01", Map.of("x", 1.0, "y", 2.0));
    EventSignature b = signature("b1", "2024-03-04", Map.of("y", 1.0, "z", 3.0));
    assertArrayEquals(SimilarityFeatures.of(a, b),
        SimilarityFeatures.Group.of(a).meanFeatures(SimilarityFeatures.Group.of(b)), 1e-12);
  }

  private static SimilarityFeatures.Group group(List<EventSignature> members) {
    SimilarityFeatures.Group g = SimilarityFeatures.Group.of(members.get(0));
    for (int i = 1; i < members.size(); i++) {
      g.absorb(SimilarityFeatures.Group.of(members.get(i)));
    }
    return g;
  }
}
