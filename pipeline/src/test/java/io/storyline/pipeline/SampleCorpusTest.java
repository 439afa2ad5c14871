package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.storyline.model.Article;
import io.storyline.model.ClaimVariant;
import io.storyline.model.Story;
import io.storyline.model.StoryClaim;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.Rule;
import org.junit.Test;

/** The built-in sample: five scraped pages of five outlets about one event become one story. */
public class SampleCorpusTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private StorylineTables runOnSample() {
    StorylineOptions options = pipeline.getOptions().as(StorylineOptions.class);
    options.setInput(Fixtures.path("sample"));
    return StorylinePipeline.buildPipeline(pipeline, options);
  }

  @Test
  public void allFivePagesLandInOneStory() {
    StorylineTables tables = runOnSample();
    PAssert.that(tables.stories)
        .satisfies(
            stories -> {
              List<Story> all = new ArrayList<>();
              stories.forEach(all::add);
              assertEquals(1, all.size());
              Story story = all.get(0);
              assertEquals(5, story.articleCount);
              assertEquals(5, story.sourceCount);
              assertTrue(story.headline, story.headline.contains("2028"));
              assertTrue(story.contestedCount >= 1);
              Set<String> entities = new HashSet<>();
              story.entities.forEach(e -> entities.add(e.name));
              assertTrue(entities.toString(), entities.contains("Dmitry Bakanov"));
              return null;
            });
    PAssert.that(tables.articles)
        .satisfies(
            articles -> {
              Set<String> storyIds = new HashSet<>();
              int count = 0;
              for (Article a : articles) {
                count++;
                storyIds.add(a.storyId);
                assertEquals("en", a.language);
                assertNull(a.duplicateOf);
              }
              assertEquals(5, count);
              assertEquals(1, storyIds.size());
              return null;
            });
    PAssert.that(tables.rejected).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void claimsCarryTheirSupportAndTheContestedMeetingPlace() {
    StorylineTables tables = runOnSample();
    PAssert.that(tables.claims)
        .satisfies(
            claims -> {
              StoryClaim until2028 = null;
              StoryClaim deorbit2030 = null;
              StoryClaim meetingPlace = null;
              for (StoryClaim c : claims) {
                if (c.kind.equals("date") && c.value.equals("2028")
                    && (until2028 == null || c.supportCount > until2028.supportCount)) {
                  until2028 = c;
                }
                if (c.kind.equals("date") && c.value.equals("2030")
                    && c.predicate.replace("-", "").startsWith("deorbit")) {
                  deorbit2030 = c;
                }
                if (c.kind.equals("place") && c.contested && c.predicate.equals("meet")) {
                  meetingPlace = c;
                }
              }
              assertTrue("no ISS-until-2028 claim", until2028 != null);
              assertTrue(until2028.toString(), until2028.supportCount >= 4);
              assertTrue("no deorbit-by-2030 claim", deorbit2030 != null);
              assertTrue(deorbit2030.toString(), deorbit2030.supportCount >= 3);
              assertTrue("no contested meeting place", meetingPlace != null);
              String values = "";
              for (ClaimVariant v : meetingPlace.variants) {
                values += v.value.toLowerCase(Locale.ROOT) + ";";
              }
              assertTrue(values, values.contains("florida"));
              assertTrue(values, values.contains("texas") || values.contains("houston"));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void noNoiseIsLeftInAnyBody() {
    StorylineTables tables = runOnSample();
    PAssert.that(tables.articles)
        .satisfies(
            articles -> {
              String[] noise = {
                "Story Coverage", "Bias Distribution", "Subscribe", "Gift Subscriptions",
                "Ask VT AI", "Total News Sources", "Sorry!!", "We're sorry", "Legal Disclaimer",
                "without warranty", "Most popular stories", "Motif AI", "No comment",
                "b60ce1f8-69d4", "Upgrade to Premium", "Last Updated", "Related News"
              };
              for (Article a : articles) {
                for (String n : noise) {
                  assertFalse(a.articleId + " keeps «" + n + "»", a.body.contains(n));
                }
                for (String paragraph : a.body.split("\n\n")) {
                  int first = a.body.indexOf(paragraph);
                  assertEquals(a.articleId + " repeats: " + paragraph, first, a.body.lastIndexOf(paragraph));
                }
                if (a.title != null) {
                  assertFalse(a.articleId + " repeats its title", a.body.contains(a.title));
                }
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void storyIdsDoNotDependOnInputOrder() {
    StorylineOptions options = pipeline.getOptions().as(StorylineOptions.class);
    // The same files listed one by one, in reverse order.
    List<String> files = new ArrayList<>(Fixtures.files("sample"));
    java.util.Collections.reverse(files);
    options.setInput(String.join(",", files));
    StorylineTables tables = StorylinePipeline.buildPipeline(pipeline, options);
    PAssert.that(tables.stories)
        .satisfies(
            stories -> {
              for (Story s : stories) {
                assertEquals(StorylineIds.SAMPLE_STORY_ID, s.storyId);
              }
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
