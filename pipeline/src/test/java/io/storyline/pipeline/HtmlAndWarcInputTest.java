package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.storyline.cluster.StoryIds;
import io.storyline.io.ReadInputs;
import io.storyline.io.WarcFixture;
import io.storyline.model.Article;
import io.storyline.model.Rejected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** HTML pages and web archives through the whole job: articles, stories and rejected rows. */
public class HtmlAndWarcInputTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void htmlPagesBecomeArticlesInTheStoriesOfTheirEvents() throws IOException {
    Path notHtml = temp.newFile("notes.html").toPath();
    Files.writeString(notHtml, "Just a note without any markup.\n", StandardCharsets.UTF_8);
    StorylineOptions options = pipeline.getOptions().as(StorylineOptions.class);
    options.setInput(Fixtures.path("html") + "," + notHtml);
    StorylineTables tables = StorylinePipeline.buildPipeline(pipeline, options);

    PAssert.that(tables.articles)
        .satisfies(
            articles -> {
              Map<String, String> titles = new HashMap<>();
              Map<String, String> sources = new HashMap<>();
              Map<String, String> stories = new HashMap<>();
              for (Article a : articles) {
                titles.put(a.articleId, a.title);
                sources.put(a.articleId, a.source);
                stories.put(a.articleId, a.storyId);
                assertEquals("html", a.inputFormat);
                assertEquals("en", a.language);
                assertNull(a.duplicateOf);
              }
              Map<String, String> expectedSources = new HashMap<>();
              expectedSources.put("velden-courier-bridge", "Velden Courier");
              expectedSources.put("north-coast-herald-bridge", "North Coast Herald");
              expectedSources.put("tidewater-daily-bridge", "Tidewater Daily");
              expectedSources.put("alpine-ledger-avalanche", "Alpine Ledger");
              expectedSources.put("osric-valley-news-avalanche", "Osric Valley News");
              assertEquals(expectedSources, sources);
              assertEquals("Kessing Bridge shut after freighter hits pier in Port Velden",
                  titles.get("north-coast-herald-bridge"));
              assertEquals("Researchers airlifted from Osric glacier station after avalanche",
                  titles.get("osric-valley-news-avalanche"));
              // A story's id hashes its smallest article id.
              String bridge = StoryIds.of("north-coast-herald-bridge");
              String avalanche = StoryIds.of("alpine-ledger-avalanche");
              assertEquals(bridge, stories.get("velden-courier-bridge"));
              assertEquals(bridge, stories.get("north-coast-herald-bridge"));
              assertEquals(bridge, stories.get("tidewater-daily-bridge"));
              assertEquals(avalanche, stories.get("alpine-ledger-avalanche"));
              assertEquals(avalanche, stories.get("osric-valley-news-avalanche"));
              return null;
            });
    PAssert.that(tables.stories)
        .satisfies(
            stories -> {
              Map<String, Integer> sourceCounts = new HashMap<>();
              stories.forEach(s -> sourceCounts.put(s.storyId, s.sourceCount));
              assertEquals(
                  Map.of(StoryIds.of("north-coast-herald-bridge"), 3,
                      StoryIds.of("alpine-ledger-avalanche"), 2),
                  sourceCounts);
              return null;
            });
    PAssert.that(tables.rejected)
        .satisfies(
            rows -> {
              Set<String> got = new HashSet<>();
              rows.forEach(r -> got.add(r.articleId + ":" + r.reason));
              assertEquals(Set.of("notes:binary_content"), got);
              return null;
            });
    // Six files, one page each.
    PAssert.thatSingleton(countInputs(tables)).isEqualTo(6L);
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void warcRecordsBecomeArticlesAndOnlyTheBrokenRecordIsRejected() throws IOException {
    WarcFixture warc = WarcFixture.create();
    Path file = temp.getRoot().toPath().resolve("crawl.warc.gz");
    warc.writeGzip(file);
    long truncatedAt = warc.truncatedRecordOffset();
    StorylineOptions options = pipeline.getOptions().as(StorylineOptions.class);
    options.setInput(file.toString());
    StorylineTables tables = StorylinePipeline.buildPipeline(pipeline, options);

    PAssert.that(tables.articles)
        .satisfies(
            articles -> {
              Map<String, Article> byId = new HashMap<>();
              for (Article a : articles) {
                byId.put(a.articleId, a);
                assertEquals("warc", a.inputFormat);
              }
              assertEquals(4, byId.size());
              Set<String> storyIds = new HashSet<>();
              for (String recordId : WarcFixture.PAGE_RECORD_IDS) {
                Article a = byId.get(StoryIds.hashed("warc:", recordId));
                assertTrue(recordId, a != null);
                storyIds.add(a.storyId);
              }
              // Three pages about the bridge, one about the avalanche.
              assertEquals(2, storyIds.size());
              Article bare = byId.get(StoryIds.hashed("warc:", WarcFixture.PAGE_RECORD_IDS.get(2)));
              assertEquals(WarcFixture.BARE_PAGE_URI, bare.url);
              assertEquals("harbourwatch.example", bare.source);
              assertEquals(new Instant(WarcFixture.BARE_PAGE_DATE.toEpochMilli()), bare.published);
              return null;
            });
    PAssert.that(tables.rejected)
        .satisfies(
            rows -> {
              int count = 0;
              for (Rejected r : rows) {
                count++;
                assertEquals("unreadable", r.reason);
                assertEquals(truncatedAt, r.record);
                assertTrue(r.inputFile, r.inputFile.endsWith("crawl.warc.gz"));
              }
              assertEquals(1, count);
              return null;
            });
    PAssert.thatSingleton(countInputs(tables)).isEqualTo(5L);
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    Iterable<MetricResult<Long>> skipped =
        result.metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(ReadInputs.class, "warc_records_skipped"))
                    .build())
            .getCounters();
    long total = 0;
    for (MetricResult<Long> counter : skipped) {
      total += counter.getAttempted();
    }
    assertEquals(WarcFixture.SKIPPED_RECORDS, total);
  }

  /** Articles plus rejected rows: every input record is one of the two. */
  private static org.apache.beam.sdk.values.PCollection<Long> countInputs(StorylineTables tables) {
    return PCollectionList.of(
            tables.articles.apply("ArticleIds",
                MapElements.into(TypeDescriptors.strings()).via(a -> a.articleId)))
        .and(tables.rejected.apply("RejectedIds",
            MapElements.into(TypeDescriptors.strings()).via(r -> r.inputFile + "#" + r.record)))
        .apply(Flatten.pCollections())
        .apply(Count.globally());
  }
}
