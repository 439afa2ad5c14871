package io.storyline.nlp;

/** A token and its character span in the text it came from. */
public final class Token {
  public final String text;
  public final int start;
  public final int end;

  public Token(String text, int start, int end) {
    this.text = text;
    this.start = start;
    this.end = end;
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
