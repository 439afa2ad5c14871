package io.storyline.extract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.storyline.nlp.WordTokenizer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;

public class ValueFinderTest {
  private static List<String> values(String sentence) {
    return ValueFinder.find(WordTokenizer.tokenize(sentence), null).stream()
        .map(v -> v.kind + ":" + v.key)
        .collect(Collectors.toList());
  }

  @Test
  public void yearsAfterTheirRelationWord() {
    assertEquals(List.of("date:2028"), values("They will operate the station until 2028."));
    assertEquals(List.of("date:2030"), values("It will be deorbited by 2030."));
    assertEquals(List.of("date:2018"), values("The first meeting since 2018."));
  }

  @Test
  public void calendarDatesInBothOrders() {
    assertEquals(List.of("date:2025-07-31"), values("On July 31, 2025 the chiefs met."));
    assertEquals(List.of("date:2025-07-31"), values("On 31 July 2025 the chiefs met."));
    assertEquals(List.of("date:07-31"), values("RUSSIA, Jul 31 – the extension"));
  }

  @Test
  public void moneyIsNormalisedToCurrencyAndAmount() {
    assertEquals(List.of("money:usd 100000000000"), values("The ISS, valued at $100 billion, flies on."));
    assertEquals(List.of("money:usd 2300000000"), values("It agreed to pay $2.3 billion in cash."));
    assertEquals(List.of("money:eur 5000000"), values("A fine of 5 million euros was set."));
  }

  @Test
  public void percentagesAndCountedQuantities() {
    assertEquals(List.of("percent:18%"), values("Shares rose 18% on Tuesday."));
    assertEquals(List.of("percent:2.5%"), values("Inflation was 2.5 percent."));
    assertEquals(List.of("quantity:4 year"), values("They agreed to operate it for four more years."));
    assertEquals(List.of("quantity:12 plant"), values("All 12 plants stay open."));
  }

  @Test
  public void numbersThatAreNotValuesAreIgnored() {
    assertTrue(values("The Crew-11 launch was delayed.").isEmpty());
    assertTrue(values("Nothing to see here.").isEmpty());
  }
}
