package io.storyline.clean.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The most markup the extractor examines on one page, whatever the page: characters and tags
 * before parsing, and nesting depth after. Parsing and scoring cost grows with the elements of a
 * page, and scoring walks each text block's ancestors, so with these caps a page at the size limit
 * costs a small multiple of a large news page. The caps sit far above what news pages hold: the
 * 102 pages of the extraction set have, once scripts and styles are cut, at most 214,268
 * characters, 1,584 start tags and 52 levels of nesting.
 */
final class MarkupBudget {
  /** Characters of markup parsed, after the inert parts are cut (about five times that set's most). */
  static final int MAX_CHARS = 1_000_000;

  /** Start tags parsed (about sixteen times that set's most); the page is cut before the next. */
  static final int MAX_TAGS = 25_000;

  /**
   * Levels of elements kept (about four times that set's deepest): an element at this depth keeps
   * the text of everything below it, as one run of text, and loses the elements.
   */
  static final int MAX_DEPTH = 200;

  private MarkupBudget() {}

  /**
   * The head of {@code html} that fits the budget: at most {@link #MAX_CHARS} characters and
   * {@link #MAX_TAGS} start tags, cut just before the first tag that does not fit. The parser
   * closes what is left open, as for a page cut short in transfer.
   */
  static String cut(String html) {
    int end = Math.min(html.length(), MAX_CHARS);
    int tags = 0;
    for (int i = html.indexOf('<'); i >= 0 && i + 1 < end; i = html.indexOf('<', i + 1)) {
      if (Character.isLetter(html.charAt(i + 1)) && ++tags > MAX_TAGS) {
        end = i;
        break;
      }
    }
    return end == html.length() ? html : html.substring(0, end);
  }

  /**
   * Flattens what lies deeper than {@link #MAX_DEPTH} under {@code root}: each element at that
   * depth that has child elements keeps its text and loses its descendants.
   */
  static void flatten(Element root) {
    List<Element> atLimit = new ArrayList<>();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (depth == MAX_DEPTH && node instanceof Element e && e.childrenSize() > 0) {
              atLimit.add(e);
            }
          }
        },
        root);
    for (Element e : atLimit) {
      // wholeText keeps the line breaks and spaces of the text below; the block structure below
      // the limit is given up.
      String text = e.wholeText();
      e.empty();
      e.appendText(text);
    }
  }
}
