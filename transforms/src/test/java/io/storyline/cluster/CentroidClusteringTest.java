package io.storyline.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.joda.time.Instant;
import org.junit.Test;

public class CentroidClusteringTest {
  /** A signature with the given terms at equal weight, unit length per group. */
  private static EventSignature sig(String id, String day, List<Long> fingerprint, String... terms) {
    List<String> sorted = new ArrayList<>(Arrays.asList(terms));
    java.util.Collections.sort(sorted);
    long entities = sorted.stream().filter(EventSignatures::isEntity).count();
    long words = sorted.size() - entities;
    List<Double> weights = new ArrayList<>();
    for (String t : sorted) {
      weights.add(1 / Math.sqrt(EventSignatures.isEntity(t) ? entities : words));
    }
    return new EventSignature(id, day == null ? null : Instant.parse(day + "T12:00:00Z"), sorted,
        weights, fingerprint);
  }

  private static Set<Set<String>> stories(List<EventSignature> members) {
    Set<Set<String>> out = new java.util.HashSet<>();
    for (CentroidClustering.Story s : new CentroidClustering().cluster(members)) {
      Set<String> ids = new TreeSet<>();
      s.members.forEach(m -> ids.add(m.articleId));
      out.add(ids);
    }
    return out;
  }

  @Test
  public void twoSameKindEventsStayApartOnWhoIsInvolved() {
    // Both are arrests of a football player for drunk driving: the same kind of event, told
    // apart by who was arrested, where, and the details around it.
    List<EventSignature> members =
        List.of(
            sig("a1", null, List.of(), "arrest", "dui", "receiver", "bail", "freeway", "#jackson", "#san diego"),
            sig("a2", null, List.of(), "arrest", "dui", "receiver", "bail", "freeway", "#jackson", "#chp"),
            sig("b1", null, List.of(), "arrest", "dui", "lineman", "blood", "downtown", "#williams", "#la jolla"),
            sig("b2", null, List.of(), "arrest", "dui", "lineman", "blood", "downtown", "#williams", "#police"));
    assertEquals(Set.of(Set.of("a1", "a2"), Set.of("b1", "b2")), stories(members));
  }

  @Test
  public void articlesCloseInTimeMergeOnLessSharedVocabulary() {
    List<EventSignature> close =
        List.of(
            sig("a", "2024-03-04", List.of(), "shutdown", "wall", "border", "congress", "budget", "vote"),
            sig("b", "2024-03-05", List.of(), "shutdown", "wall", "emergency", "declare", "mexico", "fund"));
    List<EventSignature> apart =
        List.of(
            sig("a", "2024-03-04", List.of(), "shutdown", "wall", "border", "congress", "budget", "vote"),
            sig("b", "2024-03-10", List.of(), "shutdown", "wall", "emergency", "declare", "mexico", "fund"));
    assertEquals(1, stories(close).size());
    assertEquals(2, stories(apart).size());
  }

  @Test
  public void copiesPointAtTheEarliestOriginal() {
    List<Long> wire = new ArrayList<>();
    for (long i = 0; i < 32; i++) {
      wire.add(i * 7919);
    }
    List<EventSignature> members =
        List.of(
            sig("late", "2024-03-05", wire, "quake", "chile", "tsunami"),
            sig("early", "2024-03-04", wire, "quake", "chile", "tsunami"),
            sig("own", "2024-03-04", List.of(), "quake", "chile", "tsunami"));
    Map<String, String> originals = new HashMap<>();
    for (CentroidClustering.Story s : new CentroidClustering().cluster(members)) {
      originals.putAll(s.originals);
    }
    assertEquals(Map.of("late", "early"), originals);
  }

  @Test
  public void theResultDoesNotDependOnInputOrder() {
    List<EventSignature> members = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      members.add(sig("x" + i, null, List.of(), "t" + (i % 5), "t" + (i % 7), "shared", "t" + (i % 3)));
    }
    Set<Set<String>> forward = stories(members);
    java.util.Collections.reverse(members);
    assertEquals(forward, stories(members));
    assertTrue(forward.size() >= 1);
  }
}
