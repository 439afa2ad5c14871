package io.storyline.evaluation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.storyline.pipeline.StorylineOptions;
import io.storyline.pipeline.StorylinePipeline;
import io.storyline.tools.Fixtures;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Grouping quality on a labelled corpus of the project's own: six stories, among them two
 * earthquakes, two takeovers and two Senate votes in the same days, each pair of the same kind.
 * A regression in signatures, the similarity model or the clustering shows here first.
 */
public class LabelledStoriesTest {
  /** Below what the shipped model scores on this corpus, with room for a story to fall apart. */
  private static final double MIN_BCUBED_F1 = 0.9;

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void storiesMatchTheLabels() throws Exception {
    Path out = temp.newFolder("out").toPath();
    Path gold = Paths.get(Fixtures.path("labelled")).resolve("stories.jsonl");
    StorylineOptions options = PipelineOptionsFactory.create().as(StorylineOptions.class);
    options.setInput(gold.toString());
    options.setOutput(out.toString());
    assertEquals(PipelineResult.State.DONE, StorylinePipeline.run(options).waitUntilFinish());

    ClusteringMetrics metrics = ClusteringEvaluation.of(gold, out).metrics();
    assertEquals(20, metrics.items());
    assertEquals(0, metrics.missingFromPrediction());
    assertTrue(metrics.summary(), metrics.bcubedF1() >= MIN_BCUBED_F1);
  }
}
