package io.storyline.evaluation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ClusteringEvaluationTest {
  private static final double EPS = 1e-9;

  /** The columns the evaluation reads, a nullable story and title, and one it does not read. */
  private static final Schema ARTICLE =
      SchemaBuilder.record("Article")
          .fields()
          .requiredString("article_id")
          .optionalString("story_id")
          .optionalString("title")
          .optionalLong("published")
          .requiredString("body")
          .endRecord();

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  /**
   * Gold: {a1 a2 a3} {a4 a5} {a6}, and a7 without a label. Output over two files: s1 = {a1 a2 a4},
   * s2 = {a3}, s3 = {a6}, x9 (not in gold) in s9; a5 is missing.
   */
  private Path goldFile() throws IOException {
    Path gold = tmp.newFile("gold.jsonl").toPath();
    Files.write(
        gold,
        List.of(
            line("a1", "G1", "Rover lands on Mars"),
            line("a2", "G1", "NASA rover touches down"),
            "",
            line("a3", "G1", "Mars landing: what comes next"),
            line("a4", "G2", "Storm hits coast"),
            line("a5", "G2", "Hurricane makes landfall"),
            line("a6", "G3", "Election called"),
            "{\"id\": \"a7\", \"title\": \"Unlabelled\", \"gold_story\": null}"),
        StandardCharsets.UTF_8);
    return gold;
  }

  private static String line(String id, String story, String title) {
    return String.format(
        "{\"id\": \"%s\", \"title\": \"%s\", \"text\": \"...\", \"gold_story\": \"%s\"}",
        id, title, story);
  }

  private Path outputDir() throws IOException {
    Path output = tmp.newFolder("out").toPath();
    Path articles = Files.createDirectory(output.resolve("articles"));
    writeArticles(
        articles.resolve("articles-00000-of-00002.parquet"),
        row("a1", "s1", "Rover lands on Mars"),
        row("a2", "s1", "NASA rover touches down"),
        row("a3", "s2", "Mars landing: what comes next"));
    writeArticles(
        articles.resolve("articles-00001-of-00002.parquet"),
        row("a4", "s1", "Storm hits coast"),
        row("a6", "s3", null),
        row("x9", "s9", "Not in the gold file"));
    Files.writeString(articles.resolve("_SUCCESS"), "");
    return output;
  }

  private static GenericRecord row(String id, String story, String title) {
    GenericRecord record = new GenericData.Record(ARTICLE);
    record.put("article_id", id);
    record.put("story_id", story);
    record.put("title", title);
    record.put("body", "body of " + id);
    // a1 on 2024-03-10, a4 two and a half days later; the others undated.
    if (id.equals("a1")) {
      record.put("published", 1_710_028_800_000L);
    } else if (id.equals("a4")) {
      record.put("published", 1_710_028_800_000L + 60 * 3_600_000L);
    }
    return record;
  }

  private static void writeArticles(Path file, GenericRecord... rows) throws IOException {
    try (ParquetWriter<GenericRecord> writer =
        AvroParquetWriter.<GenericRecord>builder(new LocalParquetOutputFile(file))
            .withSchema(ARTICLE)
            .withConf(new Configuration(false))
            .build()) {
      for (GenericRecord row : rows) {
        writer.write(row);
      }
    }
  }

  @Test
  public void scoresTheParquetOutputAgainstTheGoldFile() throws IOException {
    ClusteringEvaluation evaluation = ClusteringEvaluation.of(goldFile(), outputDir());
    ClusteringMetrics m = evaluation.metrics();

    assertEquals(6, m.items());
    assertEquals(3, m.goldClusters());
    // s1, s2, s3 and a singleton for the missing a5.
    assertEquals(4, m.predictedClusters());
    assertEquals(1, m.missingFromPrediction());
    assertEquals(1, m.notInGold());
    // Precision: a1 a2 2/3, a4 1/3, a3 a5 a6 1: (5/3 + 3) / 6.
    assertEquals(7.0 / 9, m.bcubedPrecision(), EPS);
    // Recall: a1 a2 2/3, a3 1/3, a4 a5 1/2, a6 1: (5/3 + 1 + 1) / 6.
    assertEquals(11.0 / 18, m.bcubedRecall(), EPS);
    // One true pair (a1 a2) of 3 predicted and 4 gold pairs.
    assertEquals(1.0 / 3, m.pairwisePrecision(), EPS);
    assertEquals(1.0 / 4, m.pairwiseRecall(), EPS);
    assertEquals(2.0 / 7, m.pairwiseF1(), EPS);
    // (1 - 4*3/15) / (3.5 - 4*3/15)
    assertEquals(2.0 / 27, m.adjustedRandIndex(), EPS);
  }

  @Test
  public void reportGivesCountsAndScores() throws IOException {
    String report = ClusteringEvaluation.of(goldFile(), outputDir()).report();

    assertTrue(report, report.contains("6 gold, 6 in output (2 parquet files)"));
    assertTrue(report, report.contains("1 gold articles missing"));
    assertTrue(report, report.contains("1 output articles not in the gold file"));
    assertTrue(report, report.contains("1 gold lines without gold_story"));
    assertTrue(report, report.contains("B-cubed   P 0.778  R 0.611"));
    assertTrue(report, report.contains("ARI       0.074"));
    assertTrue(report, report.contains("4 predicted, 3 gold"));
    assertTrue(report, report.contains("largest   s1: 3 articles of 2 gold stories, "
        + "2024-03-10T00:00:00Z to 2024-03-12T12:00:00Z (2.5 days, 2 dated)"));
  }

  @Test
  public void explainListsTheMergeAndTheSplitsWorstFirst() throws IOException {
    Path gold = goldFile();
    Path output = outputDir();
    ClusteringEvaluation evaluation = ClusteringEvaluation.of(gold, output);
    AlignedClusterings aligned =
        AlignedClusterings.of(
            GoldStories.read(gold).storyOf, PredictedStories.read(output).storyOf);

    List<ClusteringErrors.Mistake> merges = ClusteringErrors.worstMerges(aligned, 5);
    assertEquals(1, merges.size());
    assertEquals("s1", merges.get(0).label);
    assertEquals((3 - 5.0 / 3) / 6, merges.get(0).cost, EPS);
    assertEquals(List.of("a1", "a2"), merges.get(0).parts.get(0).items);
    assertEquals("G2", merges.get(0).parts.get(1).label);

    List<ClusteringErrors.Mistake> splits = ClusteringErrors.worstSplits(aligned, 5);
    assertEquals(2, splits.size());
    assertEquals("G1", splits.get(0).label);
    assertEquals((3 - 5.0 / 3) / 6, splits.get(0).cost, EPS);
    assertEquals("G2", splits.get(1).label);
    assertEquals(1.0 / 6, splits.get(1).cost, EPS);
    assertEquals(1, ClusteringErrors.worstSplits(aligned, 1).size());

    String text = evaluation.explain(5);
    assertTrue(text, text.contains("story s1: 3 articles from 2 gold stories, -0.2222 P"));
    assertTrue(text, text.contains("Rover lands on Mars"));
    assertTrue(text, text.contains("missing from output"));
    // a5 has no row in the output; its title comes from the gold file.
    assertTrue(text, text.contains("Hurricane makes landfall"));
  }

  @Test
  public void outputWithoutArticlesTableIsAnError() throws IOException {
    Path gold = goldFile();
    Path empty = tmp.newFolder("empty").toPath();

    assertThrows(IllegalArgumentException.class, () -> ClusteringEvaluation.of(gold, empty));
    assertEquals(1, ClusteringEvaluation.run(new String[] {gold.toString(), empty.toString()}));
  }

  @Test
  public void badArgumentsGiveUsageStatus() throws IOException {
    Path gold = goldFile();

    assertEquals(2, ClusteringEvaluation.run(new String[] {gold.toString()}));
    assertEquals(2, ClusteringEvaluation.run(new String[] {gold.toString(), "out", "--explian"}));
    assertEquals(2, ClusteringEvaluation.run(new String[] {tmp.getRoot() + "/none.jsonl", "out"}));
  }

  @Test
  public void repeatedGoldIdIsAnError() throws IOException {
    Path gold = tmp.newFile("repeated.jsonl").toPath();
    Files.write(gold, List.of(line("a1", "G1", "t"), line("a1", "G2", "t")));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GoldStories.read(gold));
    assertTrue(e.getMessage(), e.getMessage().contains(":2: repeated id a1"));
  }

  @Test
  public void trivialReportScoresAloneAndTogether() throws IOException {
    String text = ClusteringEvaluation.trivialReport(GoldStories.read(goldFile()));

    // Alone: recall (3 * 1/3 + 2 * 1/2 + 1) / 6 = 1/2. Together: precision (9/6 + 4/6 + 1/6) / 6.
    assertTrue(text, text.contains("B-cubed   P 1.000  R 0.500  F1 0.667"));
    assertTrue(text, text.contains("B-cubed   P 0.389  R 1.000"));
  }
}
