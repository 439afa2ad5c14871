package io.storyline.nlp;

import java.util.Locale;

/** A token and its character span in the text it came from. */
public final class Token {
  public final String text;
  public final int start;
  public final int end;
  private String lower;

  public Token(String text, int start, int end) {
    this.text = text;
    this.start = start;
    this.end = end;
  }

  /** The text in lower case, computed once: the extractors ask for it many times per token. */
  public String lower() {
    if (lower == null) {
      lower = text.toLowerCase(Locale.ROOT);
    }
    return lower;
  }

  public boolean isCapitalized() {
    return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
  }

  public boolean isWord() {
    return !text.isEmpty() && Character.isLetter(text.charAt(0));
  }

  /** All letters upper case, at least two of them: NASA, ISS, U.S. */
  public boolean isAcronym() {
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      } else if (c != '.' && c != '&' && !Character.isDigit(c) && c != '-') {
        return false;
      }
    }
    return letters >= 2;
  }

  @Override
  public String toString() {
    return text;
  }
}
