package io.storyline.evaluation;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ExtractionEvaluationTest {
  private static final double EPS = 1e-9;

  @Test
  public void identicalTextsScoreOne() {
    ExtractionEvaluation.PageScore s =
        ExtractionEvaluation.score("a", "One two three four five.", "one, TWO three four five");
    assertEquals(1, s.precision, EPS);
    assertEquals(1, s.recall, EPS);
  }

  @Test
  public void extraTextLowersPrecisionOnly() {
    // Truth has shingles (a b c d), (b c d e); prediction adds (c d e f), (d e f g).
    ExtractionEvaluation.PageScore s = ExtractionEvaluation.score("a", "a b c d e", "a b c d e f g");
    assertEquals(0.5, s.precision, EPS);
    assertEquals(1, s.recall, EPS);
  }

  @Test
  public void shinglesAreCountedAsMultisets() {
    ExtractionEvaluation.PageScore s =
        ExtractionEvaluation.score("a", "w x y z w x y z", "w x y z");
    // Truth: wxyz x2, xyzw, yzwx, zwxy; prediction: wxyz once.
    assertEquals(1, s.precision, EPS);
    assertEquals(0.2, s.recall, EPS);
  }

  @Test
  public void emptyPredictionScoresZeroAndEmptyBothScoresOne() {
    ExtractionEvaluation.PageScore missed = ExtractionEvaluation.score("a", "a b c d", "");
    assertEquals(0, missed.precision, EPS);
    assertEquals(0, missed.recall, EPS);
    ExtractionEvaluation.PageScore nothing = ExtractionEvaluation.score("b", "", "  ");
    assertEquals(1, nothing.precision, EPS);
    assertEquals(1, nothing.recall, EPS);
  }

  @Test
  public void shortTextsMakeOneShortShingle() {
    assertEquals(1, ExtractionEvaluation.shingles("two words").size());
    assertEquals(0, ExtractionEvaluation.shingles("").size());
    assertEquals(2, ExtractionEvaluation.shingles("a b c d e").size());
  }
}
