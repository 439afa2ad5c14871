package io.storyline.consolidate;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Test;

public class OpenStoriesTest {
  private static final Duration WEEK = Duration.standardDays(7);
  private static final long REFERENCE = Instant.parse("2026-05-20T12:00:00Z").getMillis();

  @Test
  public void aStoryIsOpenForTheWindowAfterItsLastArticle() {
    assertTrue(OpenStories.open(Instant.parse("2026-05-20T12:00:00Z"), REFERENCE, WEEK));
    assertTrue(OpenStories.open(Instant.parse("2026-05-13T12:00:00Z"), REFERENCE, WEEK));
    assertFalse(OpenStories.open(Instant.parse("2026-05-13T11:59:59Z"), REFERENCE, WEEK));
    // A longer window keeps it.
    assertTrue(OpenStories.open(Instant.parse("2026-05-01T00:00:00Z"), REFERENCE,
        Duration.standardDays(30)));
  }

  @Test
  public void anUndatedStoryOrARunWithoutDatesKeepsNothingOpen() {
    assertFalse(OpenStories.open(null, REFERENCE, WEEK));
    assertFalse(OpenStories.open(Instant.parse("2026-05-20T12:00:00Z"), OpenStories.NO_REFERENCE,
        WEEK));
  }
}
