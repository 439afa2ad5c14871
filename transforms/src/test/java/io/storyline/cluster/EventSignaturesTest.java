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

public class EventSignaturesTest {
  private static final Map<String, Long> DF =
      Map.of("quake", 3L, "chile", 3L, "valparaiso", 2L, "merger", 2L, "mill", 2L, "said", 90L);

  private static EventSignature vector(String id, String published, String... terms) {
    ArticleFacts facts =
        new ArticleFacts(id, "src", published == null ? null : Instant.parse(published), null, "",
            List.of(), List.of(), Arrays.asList(terms), List.of());
    return EventSignatures.vector(facts, DF, 100);
  }

  @Test
  public void vectorsHaveUnitLengthAndSkipUnsharedTerms() {
    EventSignature v = vector("a", null, "quake", "quake", "chile", "hapax");
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
    EventSignature a = vector("a", "2024-03-04T08:00:00Z", "quake", "chile", "valparaiso");
    EventSignature b = vector("b", "2024-03-04T09:00:00Z", "quake", "valparaiso", "said");
    EventSignature c = vector("c", "2024-03-04T09:00:00Z", "merger", "mill", "said");
    assertTrue(EventSignatures.linked(a, b));
    assertFalse(EventSignatures.linked(a, c));
  }

  @Test
  public void articlesWeeksApartAreNotLinked() {
    EventSignature a = vector("a", "2024-03-04T08:00:00Z", "quake", "chile", "valparaiso");
    EventSignature b = vector("b", "2024-04-20T08:00:00Z", "quake", "chile", "valparaiso");
    EventSignature undated = vector("c", null, "quake", "chile", "valparaiso");
    assertFalse(EventSignatures.linked(a, b));
    assertTrue(EventSignatures.linked(a, undated));
  }

  @Test
  public void blockingKeysAreTheStrongestTermsAndBounded() {
    EventSignature v = vector("a", null, "quake", "quake", "quake", "chile", "valparaiso", "said");
    List<String> keys = EventSignatures.blockingKeys(v);
    assertEquals("quake", keys.get(0));
    assertTrue(keys.size() <= EventSignatures.BLOCKING_KEYS);
  }

  @Test
  public void blockingKeyCoderIsDeterministic() throws Exception {
    StringUtf8Coder.of().verifyDeterministic();
  }
}
