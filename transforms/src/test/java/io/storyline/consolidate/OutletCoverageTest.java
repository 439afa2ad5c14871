package io.storyline.consolidate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.storyline.model.FactualityCount;
import io.storyline.model.OwnerCount;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class OutletCoverageTest {
  private static ArticleOutlet rated(String outlet, String bias, String factuality, String owner) {
    return new ArticleOutlet("article of " + outlet, "source of " + outlet, outlet, bias, factuality, owner);
  }

  private static ArticleOutlet unrated(String source) {
    return new ArticleOutlet("article of " + source, source, null, null, null, null);
  }

  @Test
  public void countsDistinctOutletsBySide() {
    List<ArticleOutlet> articles = new ArrayList<>();
    articles.add(rated("a.example", "far_left", "high", "Owner A"));
    articles.add(rated("a.example", "far_left", "high", "Owner A"));
    articles.add(rated("b.example", "lean_left", "mixed", "Owner A"));
    articles.add(rated("c.example", "center", "high", null));
    articles.add(rated("d.example", "far_right", null, "Owner D"));
    // Rated for factuality only: no side, so unrated for bias.
    articles.add(rated("e.example", null, "very_low", null));
    articles.add(unrated("Town Crier"));
    articles.add(unrated("Town Crier"));
    articles.add(unrated("art-9"));
    OutletCoverage c = OutletCoverage.of(articles);
    assertEquals(Integer.valueOf(2), c.left());
    assertEquals(Integer.valueOf(1), c.center());
    assertEquals(Integer.valueOf(1), c.right());
    assertEquals(Integer.valueOf(3), c.unrated());
    assertEquals(
        List.of(new FactualityCount("very_low", 1), new FactualityCount("mixed", 1),
            new FactualityCount("high", 2)),
        c.factuality());
    assertEquals(List.of(new OwnerCount("Owner A", 2), new OwnerCount("Owner D", 1)), c.owners());
    assertNull(c.blindspot());
  }

  @Test
  public void aSideWithAtMostAFifthOfTheRatedOutletsIsABlindspot() {
    assertEquals("left", OutletCoverage.blindspot(1, 2, 2));
    assertEquals("left", OutletCoverage.blindspot(0, 1, 2));
    assertEquals("right", OutletCoverage.blindspot(3, 1, 1));
    // Just over a fifth: 2 of 9.
    assertNull(OutletCoverage.blindspot(2, 3, 4));
    assertEquals("left", OutletCoverage.blindspot(2, 4, 4));
  }

  @Test
  public void fewerThanThreeRatedOutletsOrBothSidesLowAreNoBlindspot() {
    assertNull(OutletCoverage.blindspot(0, 0, 2));
    assertNull(OutletCoverage.blindspot(0, 1, 1));
    assertNull(OutletCoverage.blindspot(0, 5, 1));
    assertNull(OutletCoverage.blindspot(0, 0, 0));
  }

  @Test
  public void theBlindspotComesFromTheOutletsNotTheArticles() {
    List<ArticleOutlet> articles = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      articles.add(rated("left.example", "left", null, null));
    }
    articles.add(rated("c1.example", "center", null, null));
    articles.add(rated("r1.example", "right", null, null));
    articles.add(rated("r2.example", "lean_right", null, null));
    // 5 of 8 articles are left, but one outlet of four: a fifth at most is 0.8 outlets.
    OutletCoverage c = OutletCoverage.of(articles);
    assertEquals(Integer.valueOf(1), c.left());
    assertNull(c.blindspot());
    articles.add(rated("c2.example", "center", null, null));
    assertEquals("left", OutletCoverage.of(articles).blindspot());
  }

  @Test
  public void noArticlesNoOutlets() {
    OutletCoverage c = OutletCoverage.of(List.of());
    assertEquals(Integer.valueOf(0), c.unrated());
    assertEquals(List.of(), c.owners());
  }
}
