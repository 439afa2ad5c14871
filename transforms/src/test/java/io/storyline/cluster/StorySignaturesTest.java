package io.storyline.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.storyline.model.ArticleFacts;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.joda.time.Instant;
import org.junit.Test;

public class StorySignaturesTest {
  private static final Map<String, Long> DF =
      Map.of("quake", 3L, "chile", 3L, "valparaiso", 2L, "merger", 2L, "mill", 2L, "said", 90L);

  private static TermVector vector(String id, String published, String... terms) {
    ArticleFacts facts =
        new ArticleFacts(id, "src", published == null ? null : Instant.parse(published), null, "",
            List.of(), List.of(), Arrays.asList(terms), List.of());
    return StorySignatures.vector(facts, DF, 100);
  }

  @Test
  public void vectorsHaveUnitLengthAndSkipUnsharedTerms() {
    TermVector v = vector("a", null, "quake", "quake", "chile", "hapax");
    double norm = 0;
    for (double w : v.weights) {
      norm += w * w;
    }
    assertEquals(1.0, norm, 1e-9);
    assertFalse(v.terms.contains("hapax"));
    assertEquals(List.of("chile", "quake"), v.terms);
  }

  @Test
  public void sameEventLinksAndOtherEventDoesNot() {
    TermVector a = vector("a", "2024-03-04T08:00:00Z", "quake", "chile", "valparaiso");
    TermVector b = vector("b", "2024-03-04T09:00:00Z", "quake", "valparaiso", "said");
    TermVector c = vector("c", "2024-03-04T09:00:00Z", "merger", "mill", "said");
    assertTrue(StorySignatures.linked(a, b));
    assertFalse(StorySignatures.linked(a, c));
  }

  @Test
  public void articlesWeeksApartAreNotLinked() {
    TermVector a = vector("a", "2024-03-04T08:00:00Z", "quake", "chile", "valparaiso");
    TermVector b = vector("b", "2024-04-20T08:00:00Z", "quake", "chile", "valparaiso");
    TermVector undated = vector("c", null, "quake", "chile", "valparaiso");
    assertFalse(StorySignatures.linked(a, b));
    assertTrue(StorySignatures.linked(a, undated));
  }

  @Test
  public void blockingKeysAreTheStrongestTermsAndBounded() {
    TermVector v = vector("a", null, "quake", "quake", "quake", "chile", "valparaiso", "said");
    List<String> keys = StorySignatures.blockingKeys(v);
    assertEquals("quake", keys.get(0));
    assertTrue(keys.size() <= StorySignatures.BLOCKING_KEYS);
  }

  @Test
  public void blockingKeyCoderIsDeterministic() throws Exception {
    StringUtf8Coder.of().verifyDeterministic();
  }
}
