package io.storyline.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.storyline.model.ArticleFacts;
import io.storyline.model.ClaimMention;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;
import org.junit.Test;

public class EventSignaturesTest {
  private static final Map<String, Long> DF =
      Map.of("quake", 3L, "chile", 3L, "valparaiso", 2L, "merger", 2L, "mill", 2L, "said", 90L,
          "#chile", 2L, "=quantity:dead 12", 2L);

  private static EventSignature vector(String id, String published, String... terms) {
    ArticleFacts facts =
        new ArticleFacts(id, "src", published == null ? null : Instant.parse(published), null, "",
            List.of(), List.of(), Arrays.asList(terms), List.of(terms[0]), List.of());
    return EventSignatures.vector(ArticleTerms.of(facts), DF, 100);
  }

  private static double norm(SparseVector v) {
    return v.dot(v);
  }

  @Test
  public void vectorsHaveUnitLengthAndSkipUnsharedTerms() {
    EventSignature v = vector("a", null, "quake", "quake", "chile", "hapax", "#chile");
    assertEquals(1.0, norm(v.words), 1e-9);
    assertEquals(1.0, norm(v.entities), 1e-9);
    assertEquals(1.0, norm(v.title), 1e-9);
    assertEquals(0, v.words.weight("hapax"), 0);
    assertEquals(2, v.words.size());
    assertTrue(v.words.weight("quake") > v.words.weight("chile"));
    assertTrue(v.words.weight("chile") > 0);
    assertEquals(1, v.entities.size());
    assertEquals(1, v.entities.weight("#chile"), 1e-9);
    assertTrue(v.values.isEmpty());
  }

  @Test
  public void claimValuesAreTermsOfTheirOwn() {
    ClaimMention dead =
        new ClaimMention("quantity", "kill", "", "12 dead", "dead 12", null, "Twelve died.",
            "quantity|kill", "quantity|*|dead 12");
    ClaimMention quote =
        new ClaimMention("quote", "say", "", "we will rebuild", "we will rebuild", "Mayor",
            "\"We will rebuild.\"", "quote|say", "quote|say|we will rebuild");
    ArticleFacts facts =
        new ArticleFacts("a", "src", null, null, "", List.of(), List.of(dead, quote),
            List.of("quake"), List.of("quake"), List.of());
    assertEquals(List.of("=quantity:dead 12"), EventSignatures.values(facts));
    assertTrue(EventSignatures.corpusTerms(ArticleTerms.of(facts)).contains("=quantity:dead 12"));
    SparseVector values = EventSignatures.vector(ArticleTerms.of(facts), DF, 100).values;
    assertEquals(1, values.size());
    assertEquals(1, values.weight("=quantity:dead 12"), 1e-9);
  }

  @Test
  public void blockingKeysAreTheStrongestTermsAndBounded() {
    EventSignature v = vector("a", null, "quake", "quake", "quake", "chile", "valparaiso", "said");
    List<String> keys = EventSignatures.blockingKeys(v);
    assertEquals(EventSignatures.blockingKey("quake"), keys.get(0));
    assertTrue(keys.size() <= EventSignatures.BLOCKING_KEYS);
  }

  @Test
  public void candidatesOfABlockAreBoundedByTheWindow() {
    List<EventSignature> block = new java.util.ArrayList<>();
    for (int i = 0; i < 3 * EventSignatures.BLOCK_WINDOW; i++) {
      block.add(vector(String.format("a%03d", i), null, "quake"));
    }
    int[] pairs = new int[1];
    int[] perArticle = new int[block.size()];
    EventSignatures.forEachCandidate(block, (a, b) -> {
      pairs[0]++;
      perArticle[Integer.parseInt(a.articleId.substring(1))]++;
    });
    for (int n : perArticle) {
      assertTrue(n <= EventSignatures.BLOCK_WINDOW);
    }
    assertTrue(pairs[0] < block.size() * EventSignatures.BLOCK_WINDOW);
  }
}
