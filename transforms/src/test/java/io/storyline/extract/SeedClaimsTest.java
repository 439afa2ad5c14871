package io.storyline.extract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.storyline.clean.CleanedPage;
import io.storyline.clean.PageCleaner;
import io.storyline.model.Article;
import io.storyline.model.ArticleFacts;
import io.storyline.model.ClaimMention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.Test;

/** Claims of the real seed pages: different wordings of one fact share a key. */
public class SeedClaimsTest {
  private static ArticleAnalyzer analyzer;

  @BeforeClass
  public static void loadModels() {
    analyzer = new ArticleAnalyzer();
  }

  private static Set<String> claimKeys(String seed) throws IOException {
    Path file = Paths.get("..", "fixtures", "sample", seed);
    CleanedPage page = PageCleaner.clean(null, Files.readString(file));
    Article article =
        new Article(seed, null, null, null, null, page.title(), page.body(), "en", null,
            file.toString(), "txt", page.wordCount());
    ArticleFacts facts = analyzer.analyze(article);
    Set<String> keys = new HashSet<>();
    for (ClaimMention c : facts.claims) {
      keys.add(c.claimKey);
    }
    return keys;
  }

  @Test
  public void operationsUntil2028InDifferentWordsShareAKey() throws IOException {
    // "continue joint ISS operations until 2028", "we will operate the ISS until 2028",
    // "continue joint operations aboard the ISS until 2028", "Extended operations until 2028".
    for (String seed : new String[] {
        "000_4b16e2f9338553e1.txt", "001_229ee7ccf38f952c.txt",
        "002_5cf43dec304503b5.txt", "003_72fceb98da5fb342.txt"}) {
      Set<String> keys = claimKeys(seed);
      assertTrue(seed + ": " + keys, keys.contains("date|oper|2028"));
    }
  }

  @Test
  public void deorbitingBy2030AndScheduledFor2030ShareAKey() throws IOException {
    assertTrue(claimKeys("000_4b16e2f9338553e1.txt").contains("date|deorbit|2030"));
    assertTrue(claimKeys("002_5cf43dec304503b5.txt").contains("date|deorbit|2030"));
  }

  @Test
  public void meetingPlacesAreComparedByRegion() throws IOException {
    assertTrue(claimKeys("000_4b16e2f9338553e1.txt").contains("place|meet|florida"));
    assertTrue(claimKeys("001_229ee7ccf38f952c.txt").contains("place|meet|florida"));
    assertTrue(claimKeys("002_5cf43dec304503b5.txt").contains("place|meet|texas"));
  }

  @Test
  public void quotesBelongToTheirSpeaker() throws IOException {
    Path file = Paths.get("..", "fixtures", "sample", "004_4e043672e6607849.txt");
    CleanedPage page = PageCleaner.clean(null, Files.readString(file));
    ArticleFacts facts =
        analyzer.analyze(new Article("004", null, null, null, null, page.title(), page.body(),
            "en", null, file.toString(), "txt", page.wordCount()));
    long bakanovQuotes =
        facts.claims.stream()
            .filter(c -> c.kind.equals("quote") && "Dmitry Bakanov".equals(c.subject))
            .count();
    assertEquals(1, bakanovQuotes);
  }
}
