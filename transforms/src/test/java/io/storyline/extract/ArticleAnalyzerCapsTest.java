package io.storyline.extract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.BeforeClass;
import org.junit.Test;

/** The text extraction examines is bounded whatever the body: characters, sentences, runs. */
public class ArticleAnalyzerCapsTest {
  private static ArticleAnalyzer analyzer;

  @BeforeClass
  public static void loadModels() {
    analyzer = new ArticleAnalyzer();
  }

  private static void assertBounded(List<String> sentences) {
    long chars = 0;
    for (String s : sentences) {
      assertTrue(s.length() + " characters", s.length() <= ArticleAnalyzer.MAX_SENTENCE_CHARS);
      chars += s.length();
    }
    assertTrue(chars + " characters", chars <= ArticleAnalyzer.MAX_ANALYZED_CHARS);
  }

  @Test
  public void aBodyWithoutPunctuationIsCutIntoBoundedSentencesAtSpaces() {
    String phrase = "the council met again on tuesday to discuss the harbour budget ";
    String body = phrase.repeat(20_000);
    List<String> sentences = analyzer.sentences(body);
    assertBounded(sentences);
    // Cut at spaces: every piece is made of whole words.
    Set<String> words = new HashSet<>(Arrays.asList(phrase.strip().split(" ")));
    for (String s : sentences) {
      for (String word : s.split(" ")) {
        assertTrue(word + " in " + s, words.contains(word));
      }
    }
    // The examined head of the body is what the sentences hold, nearly all of it.
    long chars = sentences.stream().mapToLong(String::length).sum();
    assertTrue(chars + " characters", chars > ArticleAnalyzer.MAX_ANALYZED_CHARS * 9L / 10);
  }

  @Test
  public void aRunWithoutSpacesIsCutHard() {
    String body = "x".repeat(10 * ArticleAnalyzer.MAX_SENTENCE_CHARS + 7);
    List<String> sentences = analyzer.sentences(body);
    assertBounded(sentences);
    assertEquals(11, sentences.size());
    assertEquals(7, sentences.get(10).length());

    // Longer than what is examined: the head is cut hard at the limit, not given up.
    List<String> head = analyzer.sentences("y".repeat(2 * ArticleAnalyzer.MAX_ANALYZED_CHARS));
    assertBounded(head);
    assertEquals(ArticleAnalyzer.MAX_ANALYZED_CHARS,
        head.stream().mapToInt(String::length).sum());
  }

  @Test
  public void aPageOfOneWordLinesExaminesOnlyTheHeadOfTheBody() {
    String body = "harbour\n".repeat(100_000);
    List<String> sentences = analyzer.sentences(body);
    assertBounded(sentences);
    assertEquals(ArticleAnalyzer.MAX_ANALYZED_CHARS / "harbour\n".length(), sentences.size());
  }

  @Test
  public void piecesNeverSplitASurrogatePair() {
    String text = "a".repeat(9) + "\uD83D\uDE00" + "b".repeat(20);
    for (String piece : ArticleAnalyzer.pieces(text, 10)) {
      assertTrue(piece.length() <= 10);
      assertTrue(piece, !Character.isHighSurrogate(piece.charAt(piece.length() - 1)));
    }
    assertEquals(text, String.join("", ArticleAnalyzer.pieces(text, 10)));
  }
}
