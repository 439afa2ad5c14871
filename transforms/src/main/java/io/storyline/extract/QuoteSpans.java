package io.storyline.extract;

import org.checkerframework.checker.nullness.qual.Nullable;

/** Finds the longest quoted passage in a sentence: “…”, "…", ‘…’ or '…' (not apostrophes). */
final class QuoteSpans {
  private QuoteSpans() {}

  /** [start, end) of the quoted text without its marks, or null. */
  static int @Nullable [] find(String text) {
    int[] best = null;
    best = longer(best, pair(text, '“', '”'));
    best = longer(best, pair(text, '"', '"'));
    best = longer(best, singlePair(text, '‘', '’'));
    best = longer(best, singlePair(text, '\'', '\''));
    return best;
  }

  private static int @Nullable [] longer(int @Nullable [] a, int @Nullable [] b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return (b[1] - b[0]) > (a[1] - a[0]) ? b : a;
  }

  private static int @Nullable [] pair(String text, char open, char close) {
    int start = text.indexOf(open);
    if (start < 0) {
      return null;
    }
    int end = text.indexOf(close, start + 1);
    if (end < 0) {
      // A quote that runs past the sentence end still counts up to the end.
      end = text.length();
    }
    return end - start > 1 ? new int[] {start + 1, end} : null;
  }

  /** Single marks double as apostrophes: an opening mark must follow a space or start the text. */
  private static int @Nullable [] singlePair(String text, char open, char close) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != open || (i > 0 && !Character.isWhitespace(text.charAt(i - 1)))) {
        continue;
      }
      for (int j = i + 1; j < text.length(); j++) {
        boolean endsWord = j + 1 == text.length() || !Character.isLetter(text.charAt(j + 1));
        if (text.charAt(j) == close && endsWord && !Character.isWhitespace(text.charAt(j - 1))) {
          return j - i > 1 ? new int[] {i + 1, j} : null;
        }
      }
    }
    return null;
  }
}
