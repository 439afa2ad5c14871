package io.storyline.extract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.storyline.model.Article;
import io.storyline.model.ClaimMention;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Claims of short made-up articles, through the analyzer that feeds {@link ClaimExtractor} its
 * sentences, tokens and entities.
 */
public class ClaimExtractorTest {
  private static ArticleAnalyzer analyzer;

  @BeforeClass
  public static void loadModels() {
    analyzer = new ArticleAnalyzer();
  }

  private static List<ClaimMention> claims(String body) {
    Article article =
        new Article("a", null, null, null, null, "A headline", body, "en", null, "test", "txt",
            body.split("\\s+").length);
    return analyzer.analyze(article).claims;
  }

  private static ClaimMention only(List<ClaimMention> claims, String kind) {
    List<ClaimMention> ofKind = claims.stream().filter(c -> c.kind.equals(kind)).toList();
    assertEquals(claims.toString(), 1, ofKind.size());
    return ofKind.get(0);
  }

  @Test
  public void moneyIsNormalisedAndNamesTheFactWhateverTheVerb() {
    ClaimMention deal =
        only(claims("Acme Corp will acquire Harbor Mills for $2.3 billion, the company said."),
            "money");
    assertEquals("acquire", deal.predicate);
    assertEquals("for", deal.relation);
    assertEquals("$2.3 billion", deal.value);
    assertEquals("usd 2300000000", deal.valueKey);
    assertEquals("Acme Corp", deal.subject);
    // An amount of money is specific enough alone: the key leaves the verb out.
    assertEquals("money|*|usd 2300000000", deal.claimKey);
    assertEquals("money|acquir", deal.slotKey);
  }

  @Test
  public void oneSentenceGivesEachOfItsValuesWithTheVerbThatGovernsThem() {
    List<ClaimMention> claims = claims("The storm killed 12 people in Florida on March 3, 2024.");
    ClaimMention toll = only(claims, "quantity");
    ClaimMention day = only(claims, "date");
    ClaimMention place = only(claims, "place");
    for (ClaimMention c : claims) {
      assertEquals(c.toString(), "kill", c.predicate);
      assertEquals("The storm killed 12 people in Florida on March 3, 2024.", c.text);
    }
    assertEquals("12 people", toll.valueKey);
    assertEquals("2024-03-03", day.valueKey);
    assertEquals("on", day.relation);
    assertEquals("date|*|2024-03-03", day.claimKey);
    // A place is shared by too many facts to name one alone: the verb stays in its key.
    assertEquals("florida", place.valueKey);
    assertEquals("in", place.relation);
    assertEquals("place|kill|florida", place.claimKey);
  }

  @Test
  public void percentagesInWordsAndSignsShareAValue() {
    assertEquals("3.9%", only(claims("Unemployment fell to 3.9 percent in May."), "percent").valueKey);
    assertEquals("3.9%", only(claims("Unemployment fell to 3.9% in May."), "percent").valueKey);
  }

  @Test
  public void aQuoteIsAttributedToItsSpeaker() {
    ClaimMention quote =
        only(claims("\"We will not back down,\" said Governor Maria Lopez on Monday."), "quote");
    assertEquals("Maria Lopez", quote.subject);
    assertEquals("say", quote.predicate);
    assertTrue(quote.value, quote.value.startsWith("We will not back down"));
    assertEquals("quote|maria lopez", quote.slotKey);
  }

  @Test
  public void twoSentencesAboutOneEventShareThePlaceKey() {
    List<ClaimMention> claims =
        claims("Officials spoke. The summit will take place in Paris on 4 June 2025. "
            + "Lopez said the summit was held in Paris.");
    Set<String> placeKeys = new HashSet<>();
    int places = 0;
    for (ClaimMention c : claims) {
      if (c.kind.equals("place")) {
        places++;
        placeKeys.add(c.claimKey);
        // "take place" and "was held" are light verbs: the event is their subject noun.
        assertEquals("summit", c.predicate);
      }
    }
    assertEquals(claims.toString(), 2, places);
    assertEquals(1, placeKeys.size());
    assertEquals("2025-06-04", only(claims, "date").valueKey);
  }

  @Test
  public void sentencesWithoutValuesOrQuotesGiveNoClaims() {
    assertTrue(claims("The weather was pleasant and everyone enjoyed the long afternoon. "
        + "Children played by the river while their parents talked.").isEmpty());
  }

  @Test
  public void atMostTheCappedNumberOfSentencesIsTagged() {
    StringBuilder body = new StringBuilder();
    int sentences = ClaimExtractor.MAX_TAGGED_SENTENCES * 3;
    for (int i = 0; i < sentences; i++) {
      body.append("The storm killed ").append(i + 3).append(" people in Florida. ");
    }
    List<ClaimMention> claims = claims(body.toString());
    Set<String> tagged = claims.stream().map(c -> c.text).collect(Collectors.toSet());
    assertFalse(claims.isEmpty());
    assertTrue(tagged.size() + " sentences", tagged.size() <= ClaimExtractor.MAX_TAGGED_SENTENCES);
    // The first sentences are the ones examined.
    assertTrue(tagged.toString(), tagged.contains("The storm killed 3 people in Florida."));
  }

  @Test
  public void specificValuesAreMoneyPercentsDaysAndCountsOfThreeOrMore() {
    assertTrue(ClaimExtractor.isSpecific("money", "usd 100"));
    assertTrue(ClaimExtractor.isSpecific("percent", "3.9%"));
    assertTrue(ClaimExtractor.isSpecific("date", "2024-03-03"));
    assertFalse(ClaimExtractor.isSpecific("date", "2024"));
    assertTrue(ClaimExtractor.isSpecific("quantity", "12 people"));
    assertFalse(ClaimExtractor.isSpecific("quantity", "2 people"));
    assertFalse(ClaimExtractor.isSpecific("place", "florida"));
  }
}
