package io.storyline.clean.html;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.Test;

/** The caps on the markup the extractor examines, and the one-pass cutting of inert markup. */
public class MarkupBudgetTest {
  private static final String HEAD =
      "<!DOCTYPE html><html><head><title>Harbour traffic</title></head><body><article>"
          + "<h1>Harbour traffic</h1>";

  private static final String LEAD =
      "<p>The harbour master said on Tuesday that the pier, built in 1911, could no longer carry"
          + " the weight of a loaded ferry, and that passengers would board at the new quay.</p>";

  @Test
  public void aPageWithMoreTagsThanTheCapIsCutBeforeTheFirstThatDoesNotFit() {
    StringBuilder html = new StringBuilder(HEAD).append(LEAD);
    int cells = MarkupBudget.MAX_TAGS * 2;
    html.append("<table>");
    for (int i = 0; i < cells; i++) {
      html.append("<tr><td>berth ").append(i).append("</td></tr>");
    }
    html.append("</table></article></body></html>");
    String cut = MarkupBudget.cut(html.toString());

    Document doc = Jsoup.parse(cut);
    assertTrue(doc.getAllElements().size() <= MarkupBudget.MAX_TAGS + 4);
    assertTrue(cut.contains("berth 0<"));
    assertFalse(cut.contains("berth " + (cells - 1) + "<"));
    // The cut falls on a tag, never inside one.
    assertTrue(cut, cut.endsWith(">") || cut.endsWith(" "));

    ExtractedPage page = HtmlArticleExtractor.extract(html.toString(), null);
    assertTrue(page.text(), page.text().contains("could no longer carry the weight"));
    assertFalse(page.text().contains("berth " + (cells - 1)));
  }

  @Test
  public void aPageWithinTheCapsIsParsedWhole() {
    String html = HEAD + LEAD + "<p>Last line of the page.</p></article></body></html>";
    assertEquals(html, MarkupBudget.cut(html));
  }

  @Test
  public void aPageOfMoreCharactersThanTheCapIsCutAtTheCap() {
    String words = "harbour budget agreed ".repeat(MarkupBudget.MAX_CHARS / 10);
    String html = HEAD + LEAD + "<p>" + words + "</p></article></body></html>";
    assertEquals(MarkupBudget.MAX_CHARS, MarkupBudget.cut(html).length());
    ExtractedPage page = HtmlArticleExtractor.extract(html, null);
    assertTrue(page.text().contains("could no longer carry the weight"));
    assertTrue(page.text().length() <= MarkupBudget.MAX_CHARS);
  }

  @Test
  public void scriptsAreCutBeforeTheCharacterCapIsCounted() {
    // A megabyte of inline script before the article does not push the article past the cap.
    String script = "<script>var data = \"" + "x".repeat(2 * MarkupBudget.MAX_CHARS) + "\";</script>";
    String html = HEAD.replace("<body>", "<body>" + script) + LEAD + "</article></body></html>";
    ExtractedPage page = HtmlArticleExtractor.extract(html, null);
    assertTrue(page.text(), page.text().contains("could no longer carry the weight"));
  }

  @Test
  public void elementsDeeperThanTheCapKeepTheirText() {
    int levels = MarkupBudget.MAX_DEPTH * 5;
    StringBuilder html = new StringBuilder("<html><body>");
    for (int i = 0; i < levels; i++) {
      html.append("<div class=\"comments\">Level ").append(i).append(", said the council. ");
    }
    html.append("<p>Deep inside, a paragraph of text that is long enough, with a comma, to count.</p>");
    Document doc = Jsoup.parse(html.toString());
    String before = doc.text();
    MarkupBudget.flatten(doc);
    assertEquals(before, doc.text());
    int deepest = 0;
    for (Element e : doc.getAllElements()) {
      int depth = 0;
      for (Element up = e.parent(); up != null; up = up.parent()) {
        depth++;
      }
      deepest = Math.max(deepest, depth);
    }
    // The document is depth 0; nothing lies below the element at the cap.
    assertEquals(MarkupBudget.MAX_DEPTH, deepest);

    ExtractedPage page = HtmlArticleExtractor.extract(html.toString(), null);
    assertTrue(page.text(), page.text().contains("Deep inside"));
  }

  @Test
  public void unclosedInertTagsLeaveTheMarkupAsItIs() {
    // Thousands of unclosed tags: nothing to cut, and every search for their ends is answered
    // from the one before.
    String svgs = "<svg>".repeat(100_000);
    assertEquals(svgs, InertMarkup.strip(svgs));
    String scripts = "<script ".repeat(100_000);
    assertEquals(scripts, InertMarkup.strip(scripts));
    // A closed script after unclosed ones is still cut.
    String page = "<svg>".repeat(1000) + "<p>kept</p><script>dropped()</script><p>too</p>";
    String stripped = InertMarkup.strip(page);
    assertTrue(stripped.contains("<p>kept</p><script></script><p>too</p>"));
  }

  @Test
  public void jsonLdScriptsAreKept() {
    String ld = "<script type=\"application/ld+json\">{\"headline\": \"Harbour\"}</script>";
    String js = "<script src=\"a.js\">track()</script>";
    assertEquals(ld + "<script src=\"a.js\"></script>", InertMarkup.strip(ld + js));
  }
}
