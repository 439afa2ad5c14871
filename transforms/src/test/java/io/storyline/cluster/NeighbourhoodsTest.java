package io.storyline.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class NeighbourhoodsTest {
  @Test
  public void twoArticlesWithoutSharedWordsShareTheirNeighbours() {
    // Two headlines of one story that share no word, each linked to the same two others.
    EventSignature airline = signature("a", Map.of("airline", 1.0, "missing", 1.0));
    EventSignature search = signature("b", Map.of("search", 1.0, "ocean", 1.0));
    EventSignature both1 = signature("c", Map.of("airline", 1.0, "search", 1.0, "jet", 1.0));
    EventSignature both2 = signature("d", Map.of("missing", 1.0, "ocean", 1.0, "jet", 1.0));
    List<Neighbourhoods.Link> links = new ArrayList<>();
    for (EventSignature x : List.of(airline, search)) {
      for (EventSignature y : List.of(both1, both2)) {
        links.add(new Neighbourhoods.Link(x, y, x.words.dot(y.words)));
      }
    }
    Map<String, SparseVector> near = Neighbourhoods.of(links);
    assertEquals(0, airline.words.dot(search.words), 0);
    assertTrue(near.get("a").dot(near.get("b")) > 0.3);
    assertEquals(1, near.get("a").dot(near.get("a")), 1e-9);
  }

  @Test
  public void anArticleKeepsItsMostSimilarNeighboursOnly() {
    EventSignature centre = signature("centre", Map.of("x", 1.0, "y", 1.0));
    List<Neighbourhoods.Link> links = new ArrayList<>();
    for (int i = 0; i < Neighbourhoods.NEIGHBOURS + 5; i++) {
      // The first five are the least similar: their own words must not reach the neighbourhood.
      double share = i < 5 ? 0.2 : 1.0;
      EventSignature n = signature("n" + i, Map.of("x", share, "own" + i, 1.0));
      links.add(new Neighbourhoods.Link(centre, n, centre.words.dot(n.words)));
    }
    SparseVector near = Neighbourhoods.of(links).get("centre");
    for (int i = 0; i < 5; i++) {
      assertEquals(0, near.weight("own" + i), 0);
    }
    assertTrue(near.weight("own5") > 0);
  }

  private static EventSignature signature(String id, Map<String, Double> words) {
    SparseVector v = SparseVector.unitOfStrongest(new ArrayList<>(words.entrySet()), 100);
    return new EventSignature(id, null, v, SparseVector.EMPTY, SparseVector.EMPTY,
        SparseVector.EMPTY, List.of());
  }
}
