package io.storyline.clean.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.joda.time.Instant;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class HtmlArticleExtractorTest {

  private static String fixture(String name) throws IOException {
    try (InputStream in = HtmlArticleExtractorTest.class.getResourceAsStream("/html/" + name)) {
      if (in == null) {
        throw new IOException("missing fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  public void keepsTheArticleParagraphsInOrder() throws IOException {
    ExtractedPage page =
        HtmlArticleExtractor.extract(
            fixture("article-with-chrome.html"), "https://gazette.example/news/harbour-bridge-reopens?ref=home");
    List<String> paragraphs = HtmlArticleExtractor.paragraphs(page.text());
    assertEquals(5, paragraphs.size());
    assertThat(paragraphs.get(0), containsString("The harbour bridge reopened to traffic"));
    assertThat(paragraphs.get(1), containsString("Commuters who had faced"));
    assertEquals("Costs rose by a third", paragraphs.get(2));
    assertThat(paragraphs.get(3), containsString("The repairs cost 48 million pounds"));
    assertThat(paragraphs.get(4), containsString("We are glad to have our bridge back"));
    assertTrue(page.text().contains("\n\n"));
  }

  @Test
  public void dropsNavigationChromeCommentsAndCaptions() throws IOException {
    String text =
        HtmlArticleExtractor.extract(fixture("article-with-chrome.html"), null).text();
    for (String chrome :
        new String[] {
          "Sport", "cookies", "Share on Facebook", "By Jane Doe", "Photo: Gazette staff",
          "morning briefing", "Related stories", "Bridge tolls to rise", "About time too",
          "Most read", "Storm warning", "All rights reserved", "never article text",
          "Harbour bridge reopens after two years"
        }) {
      assertThat(text, not(containsString(chrome)));
    }
  }

  @Test
  public void readsOpenGraphMetadataFirst() throws IOException {
    ExtractedPage page =
        HtmlArticleExtractor.extract(
            fixture("article-with-chrome.html"), "https://gazette.example/news/harbour-bridge-reopens?ref=home");
    assertEquals("Harbour bridge reopens after two years of repairs", page.title());
    assertEquals("The Coastal Gazette", page.siteName());
    assertEquals("https://gazette.example/news/harbour-bridge-reopens", page.canonicalUrl());
    assertEquals(Instant.parse("2021-03-04T08:30:00Z"), page.published());
    assertEquals("en", page.language());
  }

  @Test
  public void jsonLdComesBeforeHeadingsMetaTagsAndTimeElements() throws IOException {
    ExtractedPage page =
        HtmlArticleExtractor.extract(fixture("metadata-sources.html"), "https://blatt.example/a/1");
    assertEquals("Schlagzeile aus JSON-LD", page.title());
    assertEquals(Instant.parse("2020-06-01T12:00:00Z"), page.published());
    assertEquals("Beispielblatt", page.siteName());
    assertEquals("https://blatt.example/a/1", page.canonicalUrl());
    assertEquals("de", page.language());
    assertThat(page.text(), containsString("Der zweite Absatz folgt"));
  }

  @Test
  public void fallsBackToTitleElementTimeElementAndHost() throws IOException {
    ExtractedPage page =
        HtmlArticleExtractor.extract(
            fixture("metadata-fallbacks.html"), "https://www.small.example/post/7");
    assertEquals("Only the title element names this page", page.title());
    assertEquals(Instant.parse("2018-05-05T03:05:05Z"), page.published());
    assertEquals("small.example", page.siteName());
    assertEquals("https://www.small.example/post/7", page.canonicalUrl());
    assertNull(page.language());
    assertThat(page.text(), containsString("every field comes from its last source"));
  }

  @Test
  public void truncatedMarkupKeepsWhatIsThere() throws IOException {
    ExtractedPage page = HtmlArticleExtractor.extract(fixture("truncated.html"), null);
    assertEquals("fr", page.language());
    assertThat(page.text(), containsString("Ce paragraphe est complet"));
    assertThat(page.text(), containsString("Celui-ci est coupé"));
  }

  @Test
  public void emptyAndNonHtmlInputGiveAnEmptyPage() {
    assertEquals(ExtractedPage.empty(), HtmlArticleExtractor.extract(null, null));
    assertEquals(ExtractedPage.empty(), HtmlArticleExtractor.extract("", null));
    assertEquals(ExtractedPage.empty(), HtmlArticleExtractor.extract("   \n  ", "https://a.example/"));
    assertEquals(
        ExtractedPage.empty(),
        HtmlArticleExtractor.extract("{\"articleBody\": \"not a page\"}", null));
    assertEquals(
        ExtractedPage.empty(), HtmlArticleExtractor.extract("just a line of plain text", null));
    StringBuilder binary = new StringBuilder("%PDF-1.7\n");
    for (int i = 0; i < 5000; i++) {
      binary.append((char) (i % 32)).append('<').append('a');
    }
    assertEquals(ExtractedPage.empty(), HtmlArticleExtractor.extract(binary.toString(), null));
  }

  @Test
  public void pageWithoutBodyTextHasEmptyText() {
    ExtractedPage page =
        HtmlArticleExtractor.extract(
            "<html><head><title>Nothing here</title></head></html>", null);
    assertEquals("", page.text());
    assertEquals("Nothing here", page.title());
  }

  @Test
  public void hugePageIsCutAndStaysBounded() throws IOException {
    String article = fixture("article-with-chrome.html");
    StringBuilder huge = new StringBuilder(article.replace("</body>", "").replace("</html>", ""));
    String filler =
        "<div class=\"filler\"><p>Filler paragraph, repeated to make the page enormous, with commas,"
            + " clauses and enough words to look like prose to a naive scorer.</p></div>\n";
    while (huge.length() < 20_000_000) {
      huge.append(filler);
    }
    long start = System.nanoTime();
    ExtractedPage page = HtmlArticleExtractor.extract(huge.toString(), null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue("took " + millis + " ms", millis < 20_000);
    assertTrue(page.text().length() <= HtmlArticleExtractor.MAX_INPUT_CHARS);
    assertEquals("Harbour bridge reopens after two years of repairs", page.title());
  }

  @Test
  public void deeplyNestedMarkupDoesNotOverflowTheStack() {
    StringBuilder deep = new StringBuilder("<html><body>");
    // Far deeper than the depth cap, within the tag cap.
    for (int i = 0; i < HtmlArticleExtractor.MAX_INPUT_TAGS / 2; i++) {
      deep.append("<div>");
    }
    deep.append("<p>Deep inside, a paragraph of text that is long enough, with a comma, to count.</p>");
    ExtractedPage page = HtmlArticleExtractor.extract(deep.toString(), null);
    // Below the depth cap the elements are flattened into their text, which is kept.
    assertTrue(page.text(), page.text().contains("Deep inside"));
  }

  @Test
  public void garbageNeverThrows() {
    String[] inputs = {
      "<", "<<<<>>>>", "<html", "<!--", "<script>", "<script type=\"application/ld+json\">{{{",
      "<html><body><p>unclosed", "</p></div></body>", "<svg><svg><svg>", "<a href='//'>x</a>",
      "<html><head><script type=\"application/ld+json\">[1, 2, {\"@type\": [\"NewsArticle\"],"
          + " \"headline\": 5, \"datePublished\": \"yesterday\"}]</script></head></html>",
      "<meta property=\"article:published_time\" content=\"not a date\"><p>text</p>",
      "<html lang=\"123\"><body><table><tr><td>cell</td></tr></table></body></html>"
    };
    for (String input : inputs) {
      ExtractedPage page = HtmlArticleExtractor.extract(input, "not a url");
      assertTrue(page.text() != null);
    }
  }

  @Test
  public void normalisesLanguageTags() {
    assertEquals("en", PageMetadata.normaliseLanguage("en-US"));
    assertEquals("pt", PageMetadata.normaliseLanguage("pt_BR"));
    assertEquals("de", PageMetadata.normaliseLanguage("DE"));
    assertEquals("fr", PageMetadata.normaliseLanguage("fra"));
    assertNull(PageMetadata.normaliseLanguage("x"));
    assertNull(PageMetadata.normaliseLanguage("12"));
    assertNull(PageMetadata.normaliseLanguage(""));
  }

  @Test
  public void parsesPageDateFormats() {
    Instant expected = Instant.parse("2019-11-19T11:56:43Z");
    assertEquals(expected, PageMetadata.parseDate("2019-11-19T11:56:43Z"));
    assertEquals(expected, PageMetadata.parseDate("2019-11-19T06:56:43-05:00"));
    assertEquals(expected, PageMetadata.parseDate("2019-11-19T06:56:43-0500"));
    assertEquals(expected, PageMetadata.parseDate("2019-11-19 11:56:43"));
    assertEquals(expected, PageMetadata.parseDate("Tue, 19 Nov 2019 11:56:43 GMT"));
    assertEquals(Instant.parse("2019-11-19T00:00:00Z"), PageMetadata.parseDate("2019-11-19"));
    assertNull(PageMetadata.parseDate("last Tuesday"));
  }

  @Test
  public void stripsOutletFromTitles() {
    assertEquals(
        "Bridge reopens",
        PageMetadata.stripSiteSuffix("Bridge reopens | The Gazette", "The Gazette", false));
    assertEquals(
        "Bridge reopens", PageMetadata.stripSiteSuffix("Gazette - Bridge reopens", "Gazette", false));
    assertEquals(
        "Bridge reopens", PageMetadata.stripSiteSuffix("Bridge reopens - Some Outlet", null, true));
    assertEquals(
        "Bridge reopens - and tolls rise next month for all drivers",
        PageMetadata.stripSiteSuffix(
            "Bridge reopens - and tolls rise next month for all drivers", null, false));
  }

  @Test
  public void keepsTableRowsWhateverTheirClassNames() throws IOException {
    String text = HtmlArticleExtractor.extract(fixture("standings-table.html"), null).text();
    assertThat(text, containsString("Bruno Castellani"));
    assertThat(text, containsString("Chen Weiming"));
    assertThat(text, containsString("the standings will be updated"));
  }

  @Test
  public void theArticleWithTheHeadlineWinsOverABoxOfTeaserArticles() throws IOException {
    String text =
        HtmlArticleExtractor.extract(fixture("headline-article-and-teasers.html"), null).text();
    assertThat(text, containsString("The town library reopened on Monday"));
    assertThat(text, containsString("the new reading room was full"));
    for (String teaser : new String[] {"canal path", "reading circle", "baker", "spoonbills"}) {
      assertThat(text, not(containsString(teaser)));
    }
  }

  @Test
  public void doesNotWidenOverAListOfOtherStoriesBesideTheArticle() throws IOException {
    String text =
        HtmlArticleExtractor.extract(fixture("story-beside-news-list.html"), null).text();
    assertThat(text, containsString("Repairs to the harbour wall"));
    assertThat(text, containsString("the northern breakwater"));
    for (String other : new String[] {"cycle lanes", "lost painting", "valley road", "ferry"}) {
      assertThat(text, not(containsString(other)));
    }
  }

  @Test
  public void dropsContactLinesAtTheEndButKeepsThemInsideTheArticle() throws IOException {
    String text =
        HtmlArticleExtractor.extract(fixture("trailing-contact-lines.html"), null).text();
    assertThat(text, containsString("sightings@observatory.example"));
    assertThat(text, containsString("Night Sky Club (@nightskyclub)"));
    assertThat(text, not(containsString("science correspondent")));
    assertThat(text, not(containsString("@paperscience")));
  }

  @Test
  public void shareButtonLinesAreBoilerplate() {
    assertTrue(BoilerplateLines.isBoilerplate(ArticleBodyFinder.key("Share this on WhatsApp")));
    assertTrue(BoilerplateLines.isBoilerplate(ArticleBodyFinder.key("Share it via e-mail")));
    assertTrue(BoilerplateLines.isBoilerplate(ArticleBodyFinder.key("Share on Facebook")));
    assertFalse(
        BoilerplateLines.isBoilerplate(ArticleBodyFinder.key("Shares in the bank fell on Monday")));
  }
}
