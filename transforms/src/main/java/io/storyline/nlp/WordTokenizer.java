package io.storyline.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fast rule-based tokenizer for whole articles: keeps dotted abbreviations (U.S.), numbers with
 * separators (1,000.5), hyphenated words (de-orbiting, Crew-11) and splits possessives
 * (Russia's → Russia 's). It is the job's only tokenizer: the sentences that get tagged are
 * tokenized here too, and no statistical tokenizer model is loaded.
 */
public final class WordTokenizer {
  private static final Pattern TOKEN =
      Pattern.compile(
          "(?:\\p{Lu}\\.){2,}"                                    // U.S., U.K.
              + "|\\d+(?:[.,:]\\d+)*(?:[\\p{L}]+)?"               // 1,000.5  10:30  19th
              + "|[\\p{L}\\p{M}\\d]+(?:[-'’.&][\\p{L}\\p{M}\\d]+)*" // words, de-orbiting, O'Neil
              + "|\\S");

  private WordTokenizer() {}

  public static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String t = m.group();
      int start = m.start();
      int apostrophe = possessive(t);
      if (apostrophe > 0) {
        tokens.add(new Token(t.substring(0, apostrophe), start, start + apostrophe));
        tokens.add(new Token(t.substring(apostrophe), start + apostrophe, m.end()));
      } else {
        tokens.add(new Token(t, start, m.end()));
      }
    }
    return tokens;
  }

  /** Index of a trailing possessive 's, or -1. */
  private static int possessive(String t) {
    int n = t.length();
    if (n > 2 && (t.charAt(n - 1) == 's' || t.charAt(n - 1) == 'S')
        && (t.charAt(n - 2) == '\'' || t.charAt(n - 2) == '’')) {
      return n - 2;
    }
    return -1;
  }
}
