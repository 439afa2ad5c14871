package io.storyline.evaluation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.storyline.cluster.SimilarityModel;
import io.storyline.tools.Fixtures;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class GroupingStagesTest {
  @Test
  public void eachStageKeepsAtMostWhatTheOneBeforeItKept() throws IOException {
    List<SimilarityTraining.LabelledSet> sets = SimilarityTraining.read(
        Paths.get(Fixtures.path("labelled")).resolve("stories.jsonl"), null);
    assertEquals("the file and its copy in the other regime", 2, sets.size());
    for (SimilarityTraining.LabelledSet set : sets) {
      GroupingStages stages = GroupingStages.of(set, SimilarityModel.shipped());
      String row = stages.row();
      assertTrue(row, stages.sameStory() > 0);
      assertTrue(row, stages.compared() <= stages.sameStory());
      assertTrue(row, stages.linked() <= stages.compared());
      assertTrue(row, stages.linked() <= stages.links());
      // Clustering only ever cuts pieces: the stories are a refinement of the pieces.
      assertTrue(row, stages.stories().bcubedRecall() <= stages.pieces().bcubedRecall());
      assertTrue(row, stages.stories().bcubedPrecision() >= stages.pieces().bcubedPrecision());
      assertEquals(row, set.signatures().size(), stages.pieces().items());
      assertEquals(row, set.signatures().size(), stages.stories().items());
    }
  }
}
