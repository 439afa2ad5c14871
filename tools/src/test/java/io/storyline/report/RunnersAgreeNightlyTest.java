package io.storyline.report;

import static io.storyline.report.CompareTables.column;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.storyline.pipeline.StorylineOptions;
import io.storyline.pipeline.StorylinePipeline;
import io.storyline.tools.Fixtures;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * A night that continues an earlier one ({@code --previousOutput}) writes the same tables and the
 * same state on the direct runner and on Flink (embedded, parallelism 2, two files per table).
 */
public class RunnersAgreeNightlyTest {
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @ClassRule public static final TemporaryFolder TEMP = new TemporaryFolder();

  private static Path first;
  private static Path direct;
  private static Path flink;

  @BeforeClass
  public static void runTheSecondNightOnBothRunners() throws Exception {
    Path nightly = Paths.get(Fixtures.path("nightly"));
    first = TEMP.newFolder("first").toPath();
    direct = TEMP.newFolder("direct").toPath();
    flink = TEMP.newFolder("flink").toPath();

    StorylineOptions night1 = PipelineOptionsFactory.create().as(StorylineOptions.class);
    night1.setRunner(DirectRunner.class);
    night1.setInput(nightly.resolve("2026-05-11.jsonl").toString());
    night1.setOutput(first.toString());
    assertEquals(PipelineResult.State.DONE, StorylinePipeline.run(night1).waitUntilFinish());

    String second = nightly.resolve("2026-05-12.jsonl").toString();
    StorylineOptions onDirect = PipelineOptionsFactory.create().as(StorylineOptions.class);
    onDirect.setRunner(DirectRunner.class);
    onDirect.setInput(second);
    onDirect.setOutput(direct.toString());
    onDirect.setPreviousOutput(first.toString());
    assertEquals(PipelineResult.State.DONE, StorylinePipeline.run(onDirect).waitUntilFinish());

    FlinkPipelineOptions onFlink = PipelineOptionsFactory.create().as(FlinkPipelineOptions.class);
    onFlink.setRunner(FlinkRunner.class);
    onFlink.setFlinkMaster("[local]");
    onFlink.setParallelism(2);
    StorylineOptions storyline = onFlink.as(StorylineOptions.class);
    storyline.setInput(second);
    storyline.setOutput(flink.toString());
    storyline.setPreviousOutput(first.toString());
    storyline.setShards(2);
    assertEquals(PipelineResult.State.DONE, StorylinePipeline.run(storyline).waitUntilFinish());
  }

  @Test
  public void theSecondNightContinuesStoriesOfTheFirst() throws Exception {
    Set<String> continued = new TreeSet<>(column(first, "stories", "story_id"));
    continued.retainAll(column(direct, "articles", "story_id"));
    assertFalse(continued.isEmpty());
    assertEquals(continued.size(), 3);
  }

  @Test
  public void bothRunnersWriteTheSameTablesAndState() throws Exception {
    assertEquals(List.of(), CompareTables.differences(direct, flink, NOWHERE));
    assertFalse(CompareTables.rows(direct, "state").isEmpty());
  }
}
