package io.storyline.clean.html;

/**
 * Cuts what never holds article text out of raw markup before it is parsed: the bodies of scripts
 * (JSON-LD metadata excepted), styles and inline SVG, and comments. Parsing is the largest cost of
 * extraction, and on news pages these parts are often most of the bytes.
 */
final class InertMarkup {
  private InertMarkup() {}

  static String strip(String html) {
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
        int open = html.indexOf('>', i);
        int close = indexOfIgnoreCase(html, "</script", open < 0 ? n : open);
        if (open >= 0 && !isJsonLd(html, i, open)) {
          skipFrom = open + 1;
          skipTo = close < 0 ? n : close;
        }
      } else if (startsWithIgnoreCase(html, i + 1, "style") && isTagEnd(html, i + 6)) {
        int open = html.indexOf('>', i);
        int close = indexOfIgnoreCase(html, "</style", open < 0 ? n : open);
        if (open >= 0) {
          skipFrom = open + 1;
          skipTo = close < 0 ? n : close;
        }
      } else if (startsWithIgnoreCase(html, i + 1, "svg") && isTagEnd(html, i + 4)) {
        int open = html.indexOf('>', i);
        int close = indexOfIgnoreCase(html, "</svg", open < 0 ? n : open);
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
    return indexOfIgnoreCase(html.substring(from, to), "ld+json", 0) >= 0;
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

  private static int indexOfIgnoreCase(String s, String needle, int from) {
    int n = s.length() - needle.length();
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
