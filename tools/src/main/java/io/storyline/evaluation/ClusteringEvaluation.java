package io.storyline.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores the stories of a pipeline run against the gold stories of its labelled input.
 *
 * <pre>
 * ClusteringEvaluation GOLD.jsonl OUTPUT_DIR [--explain [N]]
 * ClusteringEvaluation GOLD.jsonl --trivial
 * </pre>
 *
 * <p>{@code GOLD.jsonl} is the input the pipeline ran on, with a {@code gold_story} per line;
 * {@code OUTPUT_DIR} is the pipeline's {@code --output}, whose {@code articles/*.parquet} give each
 * article's {@code story_id}. Articles of the gold file that the output lacks count as stories of
 * their own; output articles not in the gold file are ignored (see {@link ClusteringMetrics}).
 *
 * <p>{@code --explain N} adds the N predicted stories that mix gold stories and the N gold stories
 * split over predicted stories that cost the most B-cubed score (default 5). {@code --trivial}
 * scores two reference clusterings of the gold file instead: every article alone, and all in one.
 */
public final class ClusteringEvaluation {
  static final int DEFAULT_EXPLAIN = 5;

  private static final String PARQUET_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.apache.parquet";

  private static final String USAGE =
      "usage: ClusteringEvaluation GOLD.jsonl OUTPUT_DIR [--explain [N]]\n"
          + "       ClusteringEvaluation GOLD.jsonl --trivial";

  private final GoldStories gold;
  private final PredictedStories predicted;
  private final AlignedClusterings aligned;
  private final ClusteringMetrics metrics;

  private ClusteringEvaluation(GoldStories gold, PredictedStories predicted) {
    this.gold = gold;
    this.predicted = predicted;
    this.aligned = AlignedClusterings.of(gold.storyOf, predicted.storyOf);
    this.metrics = ClusteringMetrics.compute(aligned);
  }

  /** Reads the gold file and the pipeline output and scores the output. */
  public static ClusteringEvaluation of(Path goldFile, Path outputDir) throws IOException {
    return new ClusteringEvaluation(GoldStories.read(goldFile), PredictedStories.read(outputDir));
  }

  public ClusteringMetrics metrics() {
    return metrics;
  }

  /** The scores, story counts and article counts. */
  public String report() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "articles  %d gold, %d in output (%d parquet files)%n",
            metrics.items(),
            predicted.storyOf.size(),
            predicted.files.size()));
    if (metrics.missingFromPrediction() > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "          %d gold articles missing from the output or without story, scored as"
                  + " stories of their own%n",
              metrics.missingFromPrediction()));
    }
    if (metrics.notInGold() > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "          %d output articles not in the gold file, ignored%n",
              metrics.notInGold()));
    }
    if (gold.unlabelled > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "          %d gold lines without gold_story, ignored%n",
              gold.unlabelled));
    }
    if (predicted.repeatedRows > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "          %d output rows repeat an article id, first kept%n",
              predicted.repeatedRows));
    }
    out.append(metrics.summary());
    out.append(largestStory());
    return out.toString();
  }

  /**
   * The predicted story with the most articles: how many gold stories it holds and the time it
   * spans, where its articles are dated. A story that spans months is a sign of chaining.
   */
  String largestStory() {
    Map<String, List<String>> members = new HashMap<>();
    predicted.storyOf.forEach((article, story) -> {
      if (story != null && gold.storyOf.containsKey(article)) {
        members.computeIfAbsent(story, k -> new ArrayList<>()).add(article);
      }
    });
    Map.Entry<String, List<String>> largest = null;
    for (Map.Entry<String, List<String>> e : members.entrySet()) {
      if (largest == null
          || e.getValue().size() > largest.getValue().size()
          || (e.getValue().size() == largest.getValue().size()
              && e.getKey().compareTo(largest.getKey()) < 0)) {
        largest = e;
      }
    }
    if (largest == null) {
      return "";
    }
    Set<String> goldStories = new HashSet<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    int dated = 0;
    for (String article : largest.getValue()) {
      goldStories.add(gold.storyOf.get(article));
      Long millis = predicted.publishedOf.get(article);
      if (millis != null) {
        dated++;
        first = Math.min(first, millis);
        last = Math.max(last, millis);
      }
    }
    String span =
        dated == 0
            ? "undated"
            : String.format(Locale.ROOT, "%s to %s (%.1f days, %d dated)",
                Instant.ofEpochMilli(first), Instant.ofEpochMilli(last),
                (last - first) / 86_400_000.0, dated);
    return String.format(Locale.ROOT, "largest   %s: %d articles of %d gold stories, %s%n",
        largest.getKey(), largest.getValue().size(), goldStories.size(), span);
  }

  /** The {@code n} worst merges and splits, with example titles. */
  public String explain(int n) {
    Map<String, String> titles = new HashMap<>(gold.titleOf);
    titles.putAll(predicted.titleOf);
    return ClusteringErrors.describe(aligned, titles, n);
  }

  /** Scores of every article alone and of all articles in one story. */
  static String trivialReport(GoldStories gold) {
    Map<String, String> alone = new LinkedHashMap<>();
    Map<String, String> together = new LinkedHashMap<>();
    for (String id : gold.storyOf.keySet()) {
      alone.put(id, id);
      together.put(id, "all");
    }
    return "every article alone\n"
        + indent(ClusteringMetrics.compute(gold.storyOf, alone).summary())
        + "all articles in one story\n"
        + indent(ClusteringMetrics.compute(gold.storyOf, together).summary());
  }

  private static String indent(String text) {
    return text.replaceAll("(?m)^(?=.)", "  ");
  }

  public static void main(String[] args) throws IOException {
    // Parquet's reader logs every file it opens at INFO; the report is the output here.
    if (System.getProperty(PARQUET_LOG_LEVEL) == null) {
      System.setProperty(PARQUET_LOG_LEVEL, "warn");
    }
    int status = run(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command line; returns the exit status. */
  static int run(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(USAGE);
      return 2;
    }
    Path goldFile = Paths.get(args[0]);
    if (!Files.isRegularFile(goldFile)) {
      System.err.println("No such file: " + goldFile);
      return 2;
    }
    if (args[1].equals("--trivial") && args.length == 2) {
      GoldStories gold = GoldStories.read(goldFile);
      System.out.printf(Locale.ROOT, "gold %s: %d articles%n", goldFile, gold.storyOf.size());
      System.out.print(trivialReport(gold));
      return 0;
    }
    Path outputDir = Paths.get(args[1]);
    int explain = 0;
    for (int i = 2; i < args.length; i++) {
      if (!args[i].equals("--explain")) {
        System.err.println("Unknown argument: " + args[i] + "\n" + USAGE);
        return 2;
      }
      explain = DEFAULT_EXPLAIN;
      if (i + 1 < args.length && args[i + 1].matches("\\d+")) {
        explain = Integer.parseInt(args[++i]);
      }
    }
    ClusteringEvaluation evaluation;
    try {
      evaluation = of(goldFile, outputDir);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    System.out.printf(Locale.ROOT, "gold %s%noutput %s%n", goldFile, outputDir);
    System.out.print(evaluation.report());
    if (explain > 0) {
      System.out.print(evaluation.explain(explain));
    }
    return 0;
  }
}
