package io.storyline.evaluation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.storyline.io.ParquetTableReader;
import io.storyline.pipeline.StorylineOptions;
import io.storyline.pipeline.StorylinePipeline;
import io.storyline.report.CompareTables;
import io.storyline.tools.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The fixture {@code fixtures/nightly} (six made-up events over three days, one file per day) run
 * night by night with {@code --previousOutput}, against one run over all three days: the stories
 * continue with their ids, no article is written twice, the scores agree, and a rerun of a night
 * writes the same tables.
 */
public class NightlyRunsTest {
  private static final String[] DAYS = {"2026-05-11", "2026-05-12", "2026-05-13"};
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @ClassRule public static final TemporaryFolder TEMP = new TemporaryFolder();

  private static NightlyEvaluation.Result result;
  private static Path work;

  @BeforeClass
  public static void runNightByNight() throws IOException {
    Path gold = TEMP.newFile("nightly.jsonl").toPath();
    List<String> lines = new ArrayList<>();
    for (String day : DAYS) {
      lines.addAll(Files.readAllLines(fixture(day), StandardCharsets.UTF_8));
    }
    Files.write(gold, lines, StandardCharsets.UTF_8);
    work = TEMP.newFolder("work").toPath();
    result = NightlyEvaluation.run(gold, work, new String[0]);
  }

  private static Path fixture(String day) {
    return Paths.get(Fixtures.path("nightly")).resolve(day + ".jsonl");
  }

  private static Path night(String day) {
    return work.resolve("nightly").resolve("date=" + day);
  }

  private static Map<String, GenericRecord> byId(Path output, String table, String id)
      throws IOException {
    Map<String, GenericRecord> rows = new HashMap<>();
    for (GenericRecord row : ParquetTableReader.readAll(output, table)) {
      rows.put(String.valueOf(row.get(id)), row);
    }
    return rows;
  }

  private static String storyOf(String day, String article) throws IOException {
    return String.valueOf(byId(night(day), "articles", "article_id").get(article).get("story_id"));
  }

  @Test
  public void threeNightsScoreAsOneRunAndNoArticleIsWrittenTwice() {
    assertEquals(3, result.nights());
    assertEquals(0, result.articlesWrittenTwice());
    assertEquals(38, result.nightly().items());
    assertEquals(6, result.nightly().goldClusters());
    assertTrue("nightly F1 " + result.nightly().bcubedF1(), result.nightly().bcubedF1() > 0.9);
    assertTrue("difference " + result.f1Difference(), Math.abs(result.f1Difference()) <= 0.02);
  }

  @Test
  public void aStoryKeepsItsIdAcrossNights() throws IOException {
    // The bridge collapse runs all three nights: one story id throughout.
    String first = storyOf(DAYS[0], "bridge-1");
    assertEquals(first, storyOf(DAYS[1], "bridge-4"));
    assertEquals(first, storyOf(DAYS[2], "bridge-7"));
    // The oil spill starts on the second night, apart from the others.
    assertNotEquals(first, storyOf(DAYS[1], "spill-1"));
    assertEquals(storyOf(DAYS[1], "spill-1"), storyOf(DAYS[2], "spill-4"));
  }

  @Test
  public void aContinuedStoryHasFiguresOverAllNights() throws IOException {
    String bridge = storyOf(DAYS[0], "bridge-1");
    GenericRecord row = byId(night(DAYS[2]), "stories", "story_id").get(bridge);
    assertEquals(9, row.get("article_count"));
    assertNull(row.get("merged_into"));
    // first_published is the first night's first article, as timestamp-millis.
    assertEquals(org.joda.time.Instant.parse("2026-05-11T06:07:00Z").getMillis(),
        ((Number) row.get("first_published")).longValue());
    // Each night's articles table holds only that night's articles.
    assertEquals(13, ParquetTableReader.readAll(night(DAYS[2]), "articles").size());
    // Claims of the continued story count support across nights.
    int maxSupport = 0;
    for (GenericRecord claim : ParquetTableReader.readAll(night(DAYS[2]), "claims")) {
      if (bridge.equals(String.valueOf(claim.get("story_id")))) {
        maxSupport = Math.max(maxSupport, (Integer) claim.get("support_count"));
      }
    }
    assertTrue("max support " + maxSupport, maxSupport > 3);
  }

  @Test
  public void onlyTouchedStoriesAreWrittenButOpenOnesAreKept() throws IOException {
    // The chess final is a first-night story: not in the third night's stories, still open.
    String chess = storyOf(DAYS[0], "chess-1");
    assertTrue(!byId(night(DAYS[2]), "stories", "story_id").containsKey(chess));
    int chessState = 0;
    for (GenericRecord member : ParquetTableReader.readAll(night(DAYS[2]), "state")) {
      if (chess.equals(String.valueOf(member.get("story_id")))) {
        chessState++;
      }
    }
    assertEquals(4, chessState);
  }

  @Test
  public void aRerunOfANightWritesTheSameTables() throws IOException {
    Path again = TEMP.newFolder("again").toPath();
    run(work.resolve("input").resolve("date=" + DAYS[2]).toString(), again, night(DAYS[1]));
    assertEquals(List.of(), CompareTables.differences(night(DAYS[2]), again, NOWHERE));
  }

  @Test
  public void anArticleAlreadyInAnOpenStoryIsRejectedNotAddedAgain() throws IOException {
    // A fourth folder that repeats a second-night article beside a new one.
    Path input = TEMP.newFolder("overlap").toPath();
    List<String> second = Files.readAllLines(fixture(DAYS[1]), StandardCharsets.UTF_8);
    List<String> third = Files.readAllLines(fixture(DAYS[2]), StandardCharsets.UTF_8);
    Files.write(input.resolve("articles.jsonl"), List.of(second.get(0), third.get(0)),
        StandardCharsets.UTF_8);
    Path out = TEMP.newFolder("overlap-out").toPath();
    run(input.toString(), out, night(DAYS[1]));
    List<GenericRecord> articles = ParquetTableReader.readAll(out, "articles");
    List<GenericRecord> rejected = ParquetTableReader.readAll(out, "rejected");
    assertEquals(1, articles.size());
    assertEquals(1, rejected.size());
    assertEquals("duplicate_id", String.valueOf(rejected.get(0).get("reason")));
    assertTrue(String.valueOf(rejected.get(0).get("detail")).contains("earlier run"));
    // Both are bridge articles: the story grows by the new one only.
    String repeated = String.valueOf(rejected.get(0).get("article_id"));
    String story = storyOf(DAYS[1], repeated);
    assertEquals(story, String.valueOf(articles.get(0).get("story_id")));
    GenericRecord before = byId(night(DAYS[1]), "stories", "story_id").get(story);
    GenericRecord after = byId(out, "stories", "story_id").get(story);
    assertEquals((Integer) before.get("article_count") + 1, after.get("article_count"));
  }

  private static void run(String input, Path output, Path previous) {
    StorylineOptions options = PipelineOptionsFactory.create().as(StorylineOptions.class);
    options.setRunner(DirectRunner.class);
    options.setInput(input);
    options.setOutput(output.toString());
    options.setPreviousOutput(previous.toString());
    assertEquals(PipelineResult.State.DONE, StorylinePipeline.run(options).waitUntilFinish());
  }
}
