package io.storyline.evaluation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.cluster.SimilarityModel;
import io.storyline.tools.Fixtures;
import java.io.IOException;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class SimilarityTrainingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  public void theSweepScoresEachSetAtTheThresholdsOfTheGridAsTheJobWould() throws IOException {
    List<SimilarityTraining.LabelledSet> sets = SimilarityTraining.read(
        Paths.get(Fixtures.path("labelled")).resolve("stories.jsonl"), null);
    SimilarityModel model = SimilarityModel.shipped();
    ClusteringMetrics[][] metrics = SimilarityTraining.sweep(sets, model);
    int shipped = SimilarityTraining.step(model.threshold());
    assertEquals(model.threshold(), SimilarityTraining.threshold(shipped), 1e-12);
    for (int s = 0; s < sets.size(); s++) {
      SimilarityTraining.LabelledSet set = sets.get(s);
      assertEquals(set.name(), SimilarityTraining.score(set, model).bcubedF1(),
          metrics[s][shipped].bcubedF1(), 1e-12);
      // The strictest threshold never merges more than the loosest.
      assertTrue(set.name(), metrics[s][0].bcubedRecall()
          >= metrics[s][metrics[s].length - 1].bcubedRecall());
    }
  }

  @Test
  public void theBestOfTiedValuesIsTheFirst() {
    assertEquals(1, SimilarityTraining.firstLargest(new double[] {0.5, 0.7, 0.7 + 1e-12, 0.6}));
    assertEquals(0, SimilarityTraining.firstLargest(new double[] {0.9, 0.7}));
  }

  @Test
  public void theDatedCopyPutsEachStoryOnADayOrTheNextInADenseSpan() {
    List<ObjectNode> nodes = new ArrayList<>();
    for (int story = 0; story < 30; story++) {
      for (int article = 0; article < 3; article++) {
        nodes.add(JSON.createObjectNode().put("id", story + "-" + article)
            .put("gold_story", "s" + story).put("title", "t").putNull("published"));
      }
    }
    List<ObjectNode> dated = SimilarityTraining.datedCopy(nodes, "set");
    assertEquals(nodes.size(), dated.size());
    Map<String, TreeSet<LocalDate>> daysOfStory = new HashMap<>();
    TreeSet<LocalDate> all = new TreeSet<>();
    for (int i = 0; i < dated.size(); i++) {
      assertEquals(nodes.get(i).get("id"), dated.get(i).get("id"));
      assertTrue("the input is left as it was", nodes.get(i).get("published").isNull());
      LocalDate day = LocalDate.parse(dated.get(i).get("published").asText().substring(0, 10));
      daysOfStory.computeIfAbsent(dated.get(i).get("gold_story").asText(), s -> new TreeSet<>())
          .add(day);
      all.add(day);
    }
    for (TreeSet<LocalDate> days : daysOfStory.values()) {
      assertTrue("a story's day or the next", days.first().plusDays(1).compareTo(days.last()) >= 0);
    }
    // 30 stories, three a day: ten days of stories, their articles over eleven at most.
    assertTrue(all.toString(), !all.last().isAfter(all.first().plusDays(10)));
    assertTrue("stories spread over the span: " + all, all.size() > 5);
    assertEquals(dated.toString(), SimilarityTraining.datedCopy(nodes, "set").toString());
  }

  @Test
  public void theUndatedCopyDropsOnlyTheDates() {
    List<ObjectNode> nodes = List.of(
        JSON.createObjectNode().put("id", "a").put("gold_story", "s").put("title", "t")
            .put("published", "2014-03-10T08:00:00Z"),
        JSON.createObjectNode().put("id", "b").put("gold_story", "s").put("title", "u")
            .put("published", "2014-03-11"));
    List<ObjectNode> undated = SimilarityTraining.undatedCopy(nodes);
    for (int i = 0; i < nodes.size(); i++) {
      assertTrue(undated.get(i).get("published").isNull());
      assertTrue("the input is left as it was", nodes.get(i).get("published").isTextual());
      ObjectNode expected = nodes.get(i).deepCopy().putNull("published");
      assertEquals(expected, undated.get(i));
    }
  }
}
