package io.storyline.clean.html;

/**
 * Cuts what never holds article text out of raw markup before it is parsed: the bodies of scripts
 * (JSON-LD metadata excepted), styles and inline SVG, and comments. Parsing is the largest cost of
 * extraction, and on news pages these parts are often most of the bytes.
 *
 * <p>One pass, whatever the markup: each search for a tag's end or a closing tag remembers where
 * it stopped, so a page of thousands of unclosed {@code <svg>} or {@code <script} tags without a
 * {@code >} is not scanned to its end once per tag.
 */
final class InertMarkup {
  /** Characters of an opening script tag searched for its type (JSON-LD is kept). */
  private static final int MAX_TAG_CHARS = 2_000;

  private InertMarkup() {}

  static String strip(String html) {
    Search tagEnd = new Search(html, ">", false);
    Search scriptEnd = new Search(html, "</script", true);
    Search styleEnd = new Search(html, "</style", true);
    Search svgEnd = new Search(html, "</svg", true);
    StringBuilder out = null;
    int copied = 0;
    int i = html.indexOf('<');
    int n = html.length();
    while (i >= 0 && i < n - 3) {
      int skipFrom = -1;
      int skipTo = -1;
      if (html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        skipFrom = i;
        skipTo = end < 0 ? n : end + 3;
      } else if (startsWithIgnoreCase(html, i + 1, "script") && isTagEnd(html, i + 7)) {
        int open = tagEnd.from(i);
        int close = scriptEnd.from(open < 0 ? n : open);
        if (open >= 0 && !isJsonLd(html, i, open)) {
          skipFrom = open + 1;
          skipTo = close < 0 ? n : close;
        }
      } else if (startsWithIgnoreCase(html, i + 1, "style") && isTagEnd(html, i + 6)) {
        int open = tagEnd.from(i);
        int close = styleEnd.from(open < 0 ? n : open);
        if (open >= 0) {
          skipFrom = open + 1;
          skipTo = close < 0 ? n : close;
        }
      } else if (startsWithIgnoreCase(html, i + 1, "svg") && isTagEnd(html, i + 4)) {
        int open = tagEnd.from(i);
        int close = svgEnd.from(open < 0 ? n : open);
        if (open >= 0 && close >= 0) {
          skipFrom = open + 1;
          skipTo = close;
        }
      }
      if (skipFrom >= 0) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(html, copied, skipFrom);
        copied = skipTo;
        i = html.indexOf('<', Math.max(skipTo, i + 1));
      } else {
        i = html.indexOf('<', i + 1);
      }
    }
    if (out == null) {
      return html;
    }
    if (copied < n) {
      out.append(html, copied, n);
    }
    return out.toString();
  }

  private static boolean isJsonLd(String html, int from, int to) {
    int end = Math.min(to, from + MAX_TAG_CHARS);
    return indexOfIgnoreCase(html, "ld+json", from, end) >= 0;
  }

  /**
   * Successive searches for one needle from positions that only move forward: a search that ends
   * beyond the next start is answered from memory, so all the searches together scan the page once.
   */
  private static final class Search {
    private final String html;
    private final String needle;
    private final boolean ignoreCase;
    private int searchedFrom = Integer.MAX_VALUE;
    private int found = -1;

    Search(String html, String needle, boolean ignoreCase) {
      this.html = html;
      this.needle = needle;
      this.ignoreCase = ignoreCase;
    }

    int from(int start) {
      if (start >= searchedFrom && (found < 0 || found >= start)) {
        return found;
      }
      searchedFrom = start;
      found = ignoreCase
          ? indexOfIgnoreCase(html, needle, start, html.length())
          : html.indexOf(needle, start);
      return found;
    }
  }

  private static boolean isTagEnd(String s, int i) {
    if (i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/';
  }

  private static boolean startsWithIgnoreCase(String s, int at, String prefix) {
    return s.regionMatches(true, at, prefix, 0, prefix.length());
  }

  /** Where {@code needle} starts within {@code s[from, to)}, ignoring case; -1 if nowhere. */
  private static int indexOfIgnoreCase(String s, String needle, int from, int to) {
    int n = Math.min(s.length(), to) - needle.length();
    char first = needle.charAt(0);
    char firstUpper = Character.toUpperCase(first);
    for (int i = Math.max(0, from); i <= n; i++) {
      char c = s.charAt(i);
      if ((c == first || c == firstUpper) && s.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }
}
