package io.storyline.ratings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;
import org.junit.Test;

public class OutletMatcherTest {
  private static final OutletRating CNN =
      new OutletRating("cnn.com", "CNN", Bias.LEAN_LEFT, null, null, null);
  private static final OutletRating BBC_NEWS =
      new OutletRating("news.bbc.co.uk", "BBC News", Bias.CENTER, null, null, null);
  private static final OutletRating BBC =
      new OutletRating("bbc.co.uk", "BBC", Bias.CENTER, null, null, null);
  private static final OutletRating POST =
      new OutletRating(null, "The Post", Bias.RIGHT, null, null, null);
  private static final OutletRating OTHER_POST =
      new OutletRating("post.example", "The Post", Bias.LEFT, null, null, null);

  private final OutletMatcher matcher =
      new OutletMatcher(List.of(CNN, BBC_NEWS, BBC, POST, OTHER_POST));

  @Test
  public void theHostThenEachParentDomain() {
    assertEquals(CNN, matcher.match("https://edition.cnn.com/2025/07/31/a.html", null));
    assertEquals(CNN, matcher.match("https://amp.cnn.com/a", "Someone Else"));
    assertEquals(CNN, matcher.match("http://M.CNN.COM/a", null));
    // The longest rated domain wins.
    assertEquals(BBC_NEWS, matcher.match("https://www.news.bbc.co.uk/world", null));
    assertEquals(BBC, matcher.match("https://sport.bbc.co.uk/f1", null));
  }

  @Test
  public void thenTheSourceAsADomainOrAName() {
    assertEquals(CNN, matcher.match(null, "cnn"));
    assertEquals(CNN, matcher.match("https://unrated.example/x", "  cnn  "));
    assertEquals(CNN, matcher.match(null, "www.CNN.com"));
    assertEquals(CNN, matcher.match(null, "edition.cnn.com"));
    assertEquals(BBC_NEWS, matcher.match(null, "bbc   news"));
    // The first of two outlets with one name.
    assertEquals(POST, matcher.match(null, "THE POST"));
    assertEquals(OTHER_POST, matcher.match("https://post.example/", "The Post"));
  }

  @Test
  public void nothingMatchesWhatIsNotRated() {
    assertNull(matcher.match("https://notcnn.com/a", null));
    assertNull(matcher.match("https://cnn.com.evil.example/a", "Evil"));
    assertNull(matcher.match(null, null));
    assertNull(matcher.match("", " "));
    assertNull(matcher.match("not a url", "CNN International"));
  }
}
