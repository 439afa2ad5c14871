package io.storyline.report;

import static io.storyline.report.CompareTables.column;
import static io.storyline.report.CompareTables.rows;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.storyline.cluster.StoryIds;
import io.storyline.io.ParquetTableReader;
import io.storyline.pipeline.StorylineOptions;
import io.storyline.pipeline.StorylinePipeline;
import io.storyline.tools.Fixtures;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The direct runner and Flink (embedded, parallelism 2) write the same four tables for the same
 * input: the same story ids, the same row counts and, row for row, the same contents. The input
 * mixes every fixture corpus: the sample pages, JSON Lines, HTML pages and bad inputs.
 */
public class RunnersAgreeTest {
  private static final String[] TABLES = CompareTables.TABLES.toArray(new String[0]);
  /** A story's id hashes its smallest article id; the sample's is its first file's base name. */
  private static final String SAMPLE_STORY_ID = StoryIds.of("000_4b16e2f9338553e1");
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @ClassRule public static final TemporaryFolder TEMP = new TemporaryFolder();

  private static Path direct;
  private static Path flink;

  @BeforeClass
  public static void runOnBothRunners() throws Exception {
    String input =
        String.join(",",
            Fixtures.path("sample"), Fixtures.path("jsonl"), Fixtures.path("html"),
            Fixtures.path("bad"));
    direct = TEMP.newFolder("direct").toPath();
    flink = TEMP.newFolder("flink").toPath();

    StorylineOptions onDirect = PipelineOptionsFactory.create().as(StorylineOptions.class);
    onDirect.setRunner(DirectRunner.class);
    onDirect.setInput(input);
    onDirect.setOutput(direct.toString());
    assertEquals(PipelineResult.State.DONE, StorylinePipeline.run(onDirect).waitUntilFinish());

    FlinkPipelineOptions onFlink = PipelineOptionsFactory.create().as(FlinkPipelineOptions.class);
    onFlink.setRunner(FlinkRunner.class);
    onFlink.setFlinkMaster("[local]");
    onFlink.setParallelism(2);
    StorylineOptions storyline = onFlink.as(StorylineOptions.class);
    storyline.setInput(input);
    storyline.setOutput(flink.toString());
    storyline.setShards(2);
    assertEquals(PipelineResult.State.DONE, StorylinePipeline.run(storyline).waitUntilFinish());
  }

  @Test
  public void theSameStoryIds() throws Exception {
    Set<String> onDirect = column(direct, "stories", "story_id");
    assertFalse(onDirect.isEmpty());
    assertEquals(onDirect, column(flink, "stories", "story_id"));
    assertEquals(column(direct, "articles", "story_id"), column(flink, "articles", "story_id"));
    assertTrue(onDirect.contains(SAMPLE_STORY_ID));
  }

  @Test
  public void theSameRowCounts() throws Exception {
    for (String table : TABLES) {
      assertEquals(table, rows(direct, table).size(), rows(flink, table).size());
    }
    assertFalse(rows(direct, "claims").isEmpty());
    assertFalse(rows(direct, "rejected").isEmpty());
  }

  @Test
  public void compareTablesFindsNoDifference() throws Exception {
    assertEquals(List.of(), CompareTables.differences(direct, flink, NOWHERE));
    // And it does report one: against a folder without tables.
    assertFalse(CompareTables.differences(direct, TEMP.newFolder("empty").toPath(), NOWHERE)
        .isEmpty());
  }

  @Test
  public void theSameRows() throws Exception {
    for (String table : TABLES) {
      List<String> onDirect = rows(direct, table);
      List<String> onFlink = rows(flink, table);
      for (int i = 0; i < Math.min(onDirect.size(), onFlink.size()); i++) {
        assertEquals(table + " row " + i, onDirect.get(i), onFlink.get(i));
      }
      assertEquals(table, onDirect, onFlink);
    }
  }

  @Test
  public void flinkWroteTheShardsItWasAskedFor() throws Exception {
    // Two files per non-empty table on Flink, one on the direct run: the rows above agree anyway.
    assertEquals(2, ParquetTableReader.files(flink, "articles").size());
    assertEquals(1, ParquetTableReader.files(direct, "articles").size());
  }
}
