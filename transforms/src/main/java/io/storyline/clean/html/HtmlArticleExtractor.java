package io.storyline.clean.html;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Finds the article on an HTML news page: its body text (what a reader would call the article,
 * without navigation, related links, banners, captions, comments or share bars) and its metadata
 * (title, publication time, outlet, canonical URL, language).
 *
 * <p>How the body is found, in the spirit of readability and trafilatura:
 *
 * <ol>
 *   <li>Elements that are never article text are dropped: scripts, styles, forms' controls,
 *       {@code nav}, {@code aside}, {@code footer}, figures and their captions, hidden elements, and
 *       elements whose class, id or role names page chrome (comments, share bars, related links,
 *       newsletter and cookie boxes, paywall prompts, bylines). An element so named that holds most
 *       of the page's text is kept: it is a layout wrapper, not chrome.
 *   <li>The remaining page is cut into text blocks (the text between block-level tags), each with
 *       its length, the share of it inside links, and the element that holds it.
 *   <li>Blocks that read like prose (long, with commas, few links) give points to the elements
 *       above them; names such as {@code article}, {@code content} or {@code story-body} add points,
 *       link-heavy containers lose them. The best container is widened to an ancestor when that
 *       ancestor holds clearly more prose in siblings of the same kind (articles cut into chunks
 *       between ads), never beyond an {@code article} element; siblings that score alike join it,
 *       unless they are other {@code article} elements. When a page holds several {@code article}
 *       elements, the one with the headline ({@code h1}) and prose of its own is the story.
 *   <li>Inside the article, blocks that are mostly links (menus, lists of other stories, "Related:"
 *       lines), boilerplate one-liners ("Advertisement"), repeats of the title and headings that
 *       lead to nothing are dropped, and so are short lines at the end that give an e-mail address
 *       or a handle to write to or follow (an author's bio, "follow us @..."). A lone line of links to another site between two paragraphs
 *       ("Get it here", a source URL) and quoted posts (embedded tweets) are kept.
 * </ol>
 *
 * <p>Bounded work: the bodies of scripts, styles, inline SVG and comments are cut before parsing
 * (one pass over the page); of what is left, at most {@link #MAX_INPUT_CHARS} characters and
 * {@link #MAX_INPUT_TAGS} start tags are parsed (the rest is ignored, as if the page were truncated
 * there; jsoup closes what is left open), and elements nested deeper than {@link #MAX_DEPTH} are
 * flattened into their text ({@link MarkupBudget}). Input that does not look like HTML (binary
 * payloads, plain text, JSON) gives an empty page. The extractor never throws; a page it cannot
 * read gives {@link ExtractedPage#empty()}.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlArticleExtractor {
  /** At most this many characters of a page are parsed, once its inert parts are cut. */
  public static final int MAX_INPUT_CHARS = MarkupBudget.MAX_CHARS;

  /** At most this many start tags of a page are parsed. */
  public static final int MAX_INPUT_TAGS = MarkupBudget.MAX_TAGS;

  /** Elements deeper than this are flattened into their text. */
  public static final int MAX_DEPTH = MarkupBudget.MAX_DEPTH;

  private HtmlArticleExtractor() {}

  /**
   * Extracts the article and the metadata of one page.
   *
   * @param html the page's markup, decoded to characters; may be null or anything at all
   * @param pageUrl the URL the page was fetched from, when known; used to resolve relative
   *     canonical links and as the last source of the outlet's name
   */
  public static ExtractedPage extract(@Nullable String html, @Nullable String pageUrl) {
    if (html == null || !looksLikeHtml(html)) {
      return ExtractedPage.empty();
    }
    try {
      String input = MarkupBudget.cut(InertMarkup.strip(html));
      Document doc = Jsoup.parse(input, pageUrl == null ? "" : pageUrl, Parser.htmlParser());
      MarkupBudget.flatten(doc);
      PageMetadata meta = PageMetadata.read(doc, pageUrl);
      String text;
      try {
        text = ArticleBodyFinder.find(doc, meta.title);
      } catch (RuntimeException | StackOverflowError e) {
        text = "";
      }
      return new ExtractedPage(
          meta.title, meta.published, meta.siteName, meta.canonicalUrl, meta.language, text);
    } catch (RuntimeException | StackOverflowError e) {
      return ExtractedPage.empty();
    }
  }

  /**
   * True when the start of {@code s} looks like markup: it has a tag and is not binary. Plain
   * text, JSON and binary payloads (PDF, images, compressed data decoded as text) are not pages.
   */
  public static boolean looksLikeHtml(String s) {
    int n = Math.min(s.length(), 64 * 1024);
    int control = 0;
    boolean tag = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      } else if (c == '\uFFFD') {
        control++;
      } else if (c == '<' && i + 1 < n) {
        char d = s.charAt(i + 1);
        if (Character.isLetter(d) || d == '!') {
          tag = true;
        }
      }
    }
    int sample = Math.min(n, 4096);
    int sampleControl = 0;
    for (int i = 0; i < sample; i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == '\uFFFD') {
        sampleControl++;
      }
    }
    return tag && sampleControl * 20 < sample && control * 20 < n + 1;
  }

  /** The paragraphs of {@code text} (as {@link ExtractedPage#text()} separates them). */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.split("\n\n")) {
      if (!p.isBlank()) {
        out.add(p);
      }
    }
    return out;
  }

  /** The host of a URL without "www.", lower-cased: an outlet's name when the page gives none. */
  public static @Nullable String hostOf(@Nullable String url) {
    return PageMetadata.host(url);
  }
}
