package io.storyline.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;

import io.storyline.model.ArticleFacts;
import io.storyline.model.StoryMembership;
import io.storyline.model.TermCount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

public class GroupIntoStoriesTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static ArticleFacts facts(String id, String day, List<Long> fingerprint, String... terms) {
    // The first two terms are the title's.
    return new ArticleFacts(id, "src-" + id, Instant.parse(day + "T12:00:00Z"), "t", "", List.of(),
        List.of(), Arrays.asList(terms), Arrays.asList(terms).subList(0, 2), fingerprint);
  }

  private static List<Long> fingerprint(long seed) {
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      values.add(seed * 31 + i);
    }
    return values;
  }

  @Test
  public void twoEventsBecomeTwoStoriesAndCopiesAreMarked() {
    List<Long> wire = fingerprint(7);
    List<ArticleFacts> input =
        List.of(
            facts("q1", "2024-03-04", List.of(), "quake", "quake", "chile", "valparaiso", "tsunami"),
            facts("q2", "2024-03-04", wire, "quake", "chile", "valparaiso", "depth"),
            facts("q3", "2024-03-05", wire, "quake", "valparaiso", "damage", "chile"),
            facts("m1", "2024-03-04", List.of(), "brightwell", "harbor", "mill", "deal", "flour"),
            facts("m2", "2024-03-04", List.of(), "brightwell", "harbor", "mill", "acquire"),
            facts("m3", "2024-03-05", List.of(), "harbor", "mill", "brightwell", "shareholder"),
            facts("x1", "2024-03-04", List.of(), "election", "senate", "vote", "ballot"));
    PCollectionTuple grouped = pipeline.apply(Create.of(input)).apply(GroupIntoStories.create());
    PCollection<StoryMembership> stories = grouped.get(GroupIntoStories.MEMBERSHIPS);
    PAssert.that(grouped.get(GroupIntoStories.TERM_COUNTS))
        .satisfies(
            counts -> {
              Map<String, Long> byTerm = new HashMap<>();
              counts.forEach(c -> byTerm.put(c.term, c.articles));
              assertEquals(Long.valueOf(7), byTerm.get(TermCount.ARTICLES));
              assertEquals(Long.valueOf(3), byTerm.get("quake")); // once per article
              assertEquals(Long.valueOf(1), byTerm.get("ballot")); // kept for later runs
              return null;
            });
    PAssert.that(stories)
        .satisfies(
            memberships -> {
              Map<String, StoryMembership> byId = new HashMap<>();
              memberships.forEach(m -> byId.put(m.articleId, m));
              assertEquals(7, byId.size());
              assertEquals(byId.get("q1").storyId, byId.get("q2").storyId);
              assertEquals(byId.get("q1").storyId, byId.get("q3").storyId);
              assertEquals(byId.get("m1").storyId, byId.get("m2").storyId);
              assertEquals(byId.get("m1").storyId, byId.get("m3").storyId);
              assertNotEquals(byId.get("q1").storyId, byId.get("m1").storyId);
              assertNotEquals(byId.get("x1").storyId, byId.get("m1").storyId);
              // Ids come from the smallest member id, whatever the order of processing.
              assertEquals(StoryIds.of("q1"), byId.get("q2").storyId);
              assertEquals(StoryIds.of("x1"), byId.get("x1").storyId);
              // The later of two identical fingerprints is the copy.
              assertEquals("q2", byId.get("q3").duplicateOf);
              assertNull(byId.get("q2").duplicateOf);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
