package io.storyline.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyline.io.ParquetTableReader;
import io.storyline.pipeline.StorylineOptions;
import io.storyline.pipeline.StorylinePipeline;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Runs the job on a labelled file night by night and once over the whole file, and compares the
 * two: what a nightly schedule with {@code --previousOutput} costs in clustering quality.
 *
 * <pre>NightlyEvaluation GOLD.jsonl WORK_DIR [pipeline options]</pre>
 *
 * <p>The file is split by the UTC day of each line's {@code published} (lines without a date go
 * to the first night) into {@code WORK_DIR/input/date=YYYY-MM-DD/articles.jsonl}. Each night runs
 * on its folder with the previous night's output as {@code --previousOutput}, writing {@code
 * WORK_DIR/nightly/date=YYYY-MM-DD/}; the whole file runs once into {@code WORK_DIR/whole/}. An
 * article's nightly story is the id its row received, followed through {@code merged_into} of
 * every night's stories table to the story that continues it. Reported: B-cubed and pairwise
 * scores of both, their difference, and the article ids written more than once (there must be
 * none).
 */
public final class NightlyEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNDATED = "undated";

  /** The scores of the two schedules and what the nightly one wrote. */
  public record Result(
      ClusteringMetrics whole,
      ClusteringMetrics nightly,
      int nights,
      int articlesWrittenTwice,
      int mergedStories,
      Map<String, String> nightlyStoryOf) {
    public double f1Difference() {
      return nightly.bcubedF1() - whole.bcubedF1();
    }
  }

  private NightlyEvaluation() {}

  /** Splits, runs both schedules and scores them; {@code pipelineArgs} go to every run. */
  public static Result run(Path goldFile, Path workDir, String[] pipelineArgs) throws IOException {
    GoldStories gold = GoldStories.read(goldFile);
    Map<String, Path> nights = split(goldFile, workDir.resolve("input"));
    runJob(workDir.resolve("input") + "/*/*.jsonl", workDir.resolve("whole"), null, pipelineArgs);
    Path previous = null;
    List<Path> outputs = new ArrayList<>();
    for (Map.Entry<String, Path> night : nights.entrySet()) {
      Path output = workDir.resolve("nightly").resolve("date=" + night.getKey());
      runJob(night.getValue().toString(), output, previous, pipelineArgs);
      outputs.add(output);
      previous = output;
    }
    Map<String, String> whole = PredictedStories.read(workDir.resolve("whole")).storyOf;
    Map<String, String> written = new LinkedHashMap<>();
    Map<String, String> mergedInto = new HashMap<>();
    int twice = 0;
    for (Path output : outputs) {
      for (var row : ParquetTableReader.readAll(output, "articles")) {
        if (written.put(string(row.get("article_id")), string(row.get("story_id"))) != null) {
          twice++;
        }
      }
      for (var row : ParquetTableReader.readAll(output, "stories")) {
        String into = string(row.get("merged_into"));
        if (into != null) {
          mergedInto.put(string(row.get("story_id")), into);
        }
      }
    }
    Map<String, String> nightly = new LinkedHashMap<>();
    written.forEach((article, story) -> nightly.put(article, follow(story, mergedInto)));
    return new Result(
        ClusteringMetrics.compute(gold.storyOf, whole),
        ClusteringMetrics.compute(gold.storyOf, nightly),
        nights.size(),
        twice,
        mergedInto.size(),
        nightly);
  }

  /** The story that continues {@code story}, through any chain of merges. */
  static String follow(String story, Map<String, String> mergedInto) {
    String current = story;
    for (int hops = 0; hops <= mergedInto.size(); hops++) {
      String next = mergedInto.get(current);
      if (next == null) {
        return current;
      }
      current = next;
    }
    throw new IllegalStateException("merged_into forms a cycle at " + story);
  }

  /** Writes each UTC day's lines to a folder of its own; the folders by day, in order. */
  static Map<String, Path> split(Path goldFile, Path inputDir) throws IOException {
    Map<String, List<String>> byDay = new TreeMap<>();
    List<String> undated = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(goldFile, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String day = dayOf(JSON.readTree(line));
        (day.equals(UNDATED) ? undated : byDay.computeIfAbsent(day, k -> new ArrayList<>()))
            .add(line);
      }
    }
    if (byDay.isEmpty()) {
      byDay.put(UNDATED, undated);
    } else {
      byDay.values().iterator().next().addAll(undated);
    }
    Map<String, Path> folders = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> day : byDay.entrySet()) {
      Path folder = inputDir.resolve("date=" + day.getKey());
      Files.createDirectories(folder);
      try (BufferedWriter out =
          Files.newBufferedWriter(folder.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
        for (String line : day.getValue()) {
          out.write(line);
          out.write('\n');
        }
      }
      folders.put(day.getKey(), folder);
    }
    return folders;
  }

  private static String dayOf(JsonNode line) {
    JsonNode published = line.get("published");
    if (published == null || published.isNull() || published.asText().isBlank()) {
      return UNDATED;
    }
    String text = published.asText().strip();
    try {
      return OffsetDateTime.parse(text).toInstant().toString().substring(0, 10);
    } catch (DateTimeParseException e) {
      // A date alone, or a date-time without zone: its date part is the day.
      return text.length() >= 10 && text.charAt(4) == '-' ? text.substring(0, 10) : UNDATED;
    }
  }

  private static void runJob(String input, Path output, Path previous, String[] args) {
    StorylineOptions options = PipelineOptionsFactory.fromArgs(args).as(StorylineOptions.class);
    options.setInput(input);
    options.setOutput(output.toString());
    if (previous != null) {
      options.setPreviousOutput(previous.toString());
    }
    // As the job's main does: the direct runner's per-element checks belong to tests.
    DirectOptions direct = options.as(DirectOptions.class);
    direct.setEnforceImmutability(false);
    direct.setEnforceEncodability(false);
    PipelineResult.State state = StorylinePipeline.run(options).waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the run into " + output + " ended " + state);
    }
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: NightlyEvaluation GOLD.jsonl WORK_DIR [pipeline options]");
      System.exit(2);
    }
    String[] pipelineArgs = java.util.Arrays.copyOfRange(args, 2, args.length);
    Result r = run(Paths.get(args[0]), Paths.get(args[1]), pipelineArgs);
    System.out.printf(Locale.ROOT, "gold %s: %d articles, %d nights%n", args[0],
        r.whole().items(), r.nights());
    System.out.printf(Locale.ROOT, "one run over the whole set%n%s", indent(r.whole().summary()));
    System.out.printf(Locale.ROOT, "night by night with --previousOutput (merges followed)%n%s",
        indent(r.nightly().summary()));
    System.out.printf(Locale.ROOT,
        "B-cubed F1 difference (nightly - whole): %+.3f; stories merged: %d;"
            + " article ids written more than once: %d%n",
        r.f1Difference(), r.mergedStories(), r.articlesWrittenTwice());
  }

  private static String indent(String text) {
    return text.replaceAll("(?m)^(?=.)", "  ");
  }
}
