package io.storyline.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.storyline.clean.CleanedPage;
import io.storyline.clean.PageCleaner;
import io.storyline.cluster.InMemoryGrouping;
import io.storyline.cluster.InMemoryGrouping.CandidatePair;
import io.storyline.cluster.EventSignature;
import io.storyline.cluster.SimilarityModel;
import io.storyline.extract.ArticleAnalyzer;
import io.storyline.model.Article;
import io.storyline.model.ArticleFacts;
import io.storyline.model.PublishedTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Trains the similarity model of story grouping on labelled JSON Lines files (a {@code
 * gold_story} per line) and scores it, with the pipeline's own cleaning, extraction, signatures,
 * blocking and clustering run in memory.
 *
 * <pre>
 * SimilarityTraining [--write MODEL.properties] [--leave-one-out] [--sweep]
 *     [--link-threshold T] [--copies DIR] FILE.jsonl...
 * </pre>
 *
 * <p>Two models, each a logistic regression: the link model over the features of the candidate
 * pairs the blocks compare (label: same gold story), then the story model over the pairs the
 * link model links, with their neighbourhoods; each file weighing the same, each threshold the
 * one that gives the best mean B-cubed F1 over the training files. {@code --leave-one-out} trains
 * on all files but one and scores the one left out, for each file in turn: the figures for data
 * the models have not seen. Each file is also scored as a copy in the other regime, never trained
 * on: an undated file as a dense dated stream ({@link #datedCopy}), a dated one without its dates
 * ({@link #undatedCopy}); {@code --copies DIR} writes those copies as JSON Lines, for other tools
 * (such as the datasets' floors) to score. {@code --sweep} scores every set at every story
 * threshold, then each set at its own best one: an oracle no single configuration has, which
 * shows how much of a set's shortfall is the one threshold and how much the similarity itself.
 * {@code --link-threshold T} fixes the link model's threshold instead of choosing it, to see what
 * looser or stricter links do to the stories.
 */
public final class SimilarityTraining {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** L2 penalty of the regression, per unit of (file-normalised) weight. */
  private static final double L2 = 1e-3;
  private static final int NEWTON_STEPS = 25;
  private static final double THRESHOLD_FROM = -4;
  private static final double THRESHOLD_TO = 2;
  /** Rounds of training on the merges the model so far scores. */
  private static final int ROUNDS = 2;
  /** How far below its threshold the model so far clusters to collect merges. */
  private static final double EXPLORE = 1.0;
  private static final double THRESHOLD_STEP = 0.5;
  private static final int THRESHOLD_STEPS =
      (int) Math.round((THRESHOLD_TO - THRESHOLD_FROM) / THRESHOLD_STEP) + 1;

  /**
   * One labelled file, or its copy in the other regime ({@link #datedCopy}, {@link
   * #undatedCopy}): its signatures, gold stories and candidate pairs; {@code file} is the file it
   * comes from. A copy is scored, never trained on.
   */
  record LabelledSet(String name, String file, List<EventSignature> signatures,
      Map<String, String> gold, List<CandidatePair> pairs, boolean copy) {}

  /**
   * The dated copy of an undated set is a dense daily stream: this many new stories a day, each
   * story's articles on its day or the next.
   */
  private static final int DATED_COPY_STORIES_PER_DAY = 3;

  private SimilarityTraining() {}

  public static void main(String[] args) throws IOException {
    Path write = null;
    Path copies = null;
    boolean leaveOneOut = false;
    boolean sweep = false;
    Double linkThreshold = null;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--write" -> write = Paths.get(args[++i]);
        case "--leave-one-out" -> leaveOneOut = true;
        case "--sweep" -> sweep = true;
        case "--link-threshold" -> linkThreshold = Double.parseDouble(args[++i]);
        case "--copies" -> copies = Paths.get(args[++i]);
        default -> files.add(Paths.get(args[i]));
      }
    }
    if (files.isEmpty()) {
      System.err.println("usage: SimilarityTraining [--write MODEL.properties] [--leave-one-out]"
          + " [--sweep] [--link-threshold T] [--copies DIR] FILE.jsonl...");
      System.exit(2);
    }
    List<LabelledSet> sets = new ArrayList<>();
    for (Path file : files) {
      long start = System.nanoTime();
      List<LabelledSet> fileSets = read(file, copies);
      sets.addAll(fileSets);
      for (LabelledSet set : fileSets) {
        System.err.printf(Locale.ROOT, "read %s: %d articles, %d candidate pairs%n",
            set.name, set.signatures.size(), set.pairs.size());
      }
      System.err.printf(Locale.ROOT, "read %s in %.1f s%n", file.getFileName(),
          (System.nanoTime() - start) / 1e9);
    }
    if (leaveOneOut) {
      System.out.println("| held out | trained on | threshold | B-cubed P / R / F1 | pairwise F1 | stories (gold) |");
      System.out.println("| --- | --- | --- | --- | --- | --- |");
      for (Path file : files) {
        List<LabelledSet> training = new ArrayList<>();
        List<LabelledSet> held = new ArrayList<>();
        for (LabelledSet set : sets) {
          if (set.file.equals(file.toString())) {
            held.add(set);
          } else if (!set.copy) {
            training.add(set);
          }
        }
        SimilarityModel model = train(training, linkThreshold);
        for (LabelledSet set : held) {
          System.out.println("| " + set.name + " | " + training.size() + " other files | "
              + String.format(Locale.ROOT, "%.2f", model.threshold()) + " | " + row(set, model) + " |");
        }
      }
    }
    List<LabelledSet> trained = new ArrayList<>(sets);
    trained.removeIf(LabelledSet::copy);
    SimilarityModel model = train(trained, linkThreshold);
    if (sweep) {
      printSweep(sets, model);
    }
    System.out.println();
    System.out.println("| set (trained on all) | threshold | B-cubed P / R / F1 | pairwise F1 | stories (gold) |");
    System.out.println("| --- | --- | --- | --- | --- |");
    for (LabelledSet set : sets) {
      System.out.println("| " + set.name + " | "
          + String.format(Locale.ROOT, "%.2f", model.threshold()) + " | " + row(set, model) + " |");
    }
    if (write != null) {
      List<String> names = new ArrayList<>();
      trained.forEach(s -> names.add(s.name));
      try (Writer out = Files.newBufferedWriter(write, StandardCharsets.UTF_8)) {
        model.write(out, "Storyline's story similarity: two logistic regressions, the link model"
            + " (links.*) over candidate\npairs of the blocks, the story model over the pairs and"
            + " stories it links; labelled sets\n" + String.join(", ", names) + ";\n"
            + "written by scripts/train-similarity.sh, do not edit by hand.");
      }
      System.err.println("wrote " + write);
    }
  }

  /** Prints every set at every story threshold, then each at its own best one (an oracle). */
  private static void printSweep(List<LabelledSet> sets, SimilarityModel model) {
    ClusteringMetrics[][] metrics = sweep(sets, model);
    for (int step = 0; step < THRESHOLD_STEPS; step++) {
      StringBuilder line =
          new StringBuilder(String.format(Locale.ROOT, "threshold %5.2f", threshold(step)));
      for (int s = 0; s < sets.size(); s++) {
        ClusteringMetrics m = metrics[s][step];
        line.append(String.format(Locale.ROOT, "  %s %.3f (P %.3f R %.3f)", sets.get(s).name,
            m.bcubedF1(), m.bcubedPrecision(), m.bcubedRecall()));
      }
      System.out.println(line);
    }
    System.out.println();
    System.out.println("| set | F1 at the chosen threshold " + String.format(Locale.ROOT, "%.2f",
        model.threshold()) + " | its own best threshold (an oracle) | F1 there |");
    System.out.println("| --- | --- | --- | --- |");
    int chosen = step(model.threshold());
    for (int s = 0; s < sets.size(); s++) {
      double[] f1 = new double[THRESHOLD_STEPS];
      for (int step = 0; step < THRESHOLD_STEPS; step++) {
        f1[step] = metrics[s][step].bcubedF1();
      }
      int best = firstLargest(f1);
      System.out.printf(Locale.ROOT, "| %s | %.3f | %.2f | %.3f |%n", sets.get(s).name,
          f1[chosen], threshold(best), f1[best]);
    }
  }

  /** Each set (first index) scored at each story threshold of the grid (second index). */
  static ClusteringMetrics[][] sweep(List<LabelledSet> sets, SimilarityModel model) {
    // Each threshold and set is one clustering of data of its own: they run in parallel.
    ClusteringMetrics[][] metrics = new ClusteringMetrics[sets.size()][THRESHOLD_STEPS];
    IntStream.range(0, sets.size() * THRESHOLD_STEPS).parallel().forEach(i -> {
      int set = i / THRESHOLD_STEPS;
      int step = i % THRESHOLD_STEPS;
      metrics[set][step] = score(sets.get(set), model.withThreshold(threshold(step)));
    });
    return metrics;
  }

  private static String row(LabelledSet set, SimilarityModel model) {
    ClusteringMetrics m = score(set, model);
    return String.format(Locale.ROOT, "%.3f / %.3f / **%.3f** | %.3f | %d (%d)", m.bcubedPrecision(),
        m.bcubedRecall(), m.bcubedF1(), m.pairwiseF1(), m.predictedClusters(), m.goldClusters());
  }

  static ClusteringMetrics score(LabelledSet set, SimilarityModel model) {
    return ClusteringMetrics.compute(set.gold, InMemoryGrouping.group(set.signatures, model));
  }

  /** A training example: features, the share of its pairs that are one gold story, a weight. */
  record Example(double[] features, double label, double weight) {}

  /**
   * Trains in rounds: first on the candidate pairs of the blocks; then, {@link #ROUNDS} times, on
   * those pairs and on every pair of stories the clustering scored with the model so far (run a
   * little below its threshold, to see the merges it would nearly make), each labelled with the
   * share of its cross pairs that are one gold story. Each file weighs the same in each kind of
   * example. After each fit, the threshold is the one best on the mean F1 of the training files;
   * the link model's is {@code linkThreshold} instead when that is given.
   */
  static SimilarityModel train(List<LabelledSet> training, @Nullable Double linkThreshold) {
    SimilarityModel links = trainOne(training, null);
    if (linkThreshold != null) {
      links = links.withThreshold(linkThreshold);
    }
    return trainOne(training, links);
  }

  /**
   * One model: with {@code links} null, the link model, trained on the candidate pairs of the
   * blocks; otherwise the story model that clusters the pieces {@code links} makes, trained on
   * the pairs it links (with their neighbourhoods).
   */
  static SimilarityModel trainOne(List<LabelledSet> training, @Nullable SimilarityModel links) {
    List<Example> examples = new ArrayList<>();
    for (LabelledSet set : training) {
      List<Example> pairs = links == null ? candidatePairs(set) : linkedPairs(set, links);
      for (Example e : pairs) {
        examples.add(new Example(e.features(), e.label(), 1.0 / pairs.size()));
      }
    }
    SimilarityModel model = withBestThreshold(withLinks(fit(examples), links), training);
    for (int round = 0; round < ROUNDS; round++) {
      for (LabelledSet set : training) {
        List<Example> merges = new ArrayList<>();
        InMemoryGrouping.group(set.signatures, model.withThreshold(model.threshold() - EXPLORE),
            (a, b, features) -> merges.add(new Example(features, sameStoryShare(set.gold, a, b), 1)));
        for (Example e : merges) {
          examples.add(new Example(e.features(), e.label(), 1.0 / merges.size()));
        }
      }
      model = withBestThreshold(withLinks(fit(examples), links), training);
    }
    return model;
  }

  private static SimilarityModel withLinks(SimilarityModel model, @Nullable SimilarityModel links) {
    return links == null ? model : model.withLinks(links);
  }

  private static List<Example> candidatePairs(LabelledSet set) {
    List<Example> examples = new ArrayList<>();
    for (CandidatePair pair : set.pairs) {
      double y = set.gold.get(pair.a()).equals(set.gold.get(pair.b())) ? 1 : 0;
      examples.add(new Example(pair.features(), y, 1));
    }
    return examples;
  }

  /** The pairs the link model links, with their features as the story model sees them. */
  private static List<Example> linkedPairs(LabelledSet set, SimilarityModel links) {
    List<Example> examples = new ArrayList<>();
    SimilarityModel observeOnly =
        links.withThreshold(Double.POSITIVE_INFINITY).withLinks(links);
    InMemoryGrouping.group(set.signatures, observeOnly,
        (a, b, features) -> examples.add(new Example(features, sameStoryShare(set.gold, a, b), 1)));
    return examples;
  }

  private static double sameStoryShare(Map<String, String> gold, List<String> a, List<String> b) {
    Map<String, Integer> counts = new HashMap<>();
    a.forEach(id -> counts.merge(gold.get(id), 1, Integer::sum));
    long same = 0;
    for (String id : b) {
      same += counts.getOrDefault(gold.get(id), 0);
    }
    return same / ((double) a.size() * b.size());
  }

  private static SimilarityModel withBestThreshold(SimilarityModel model, List<LabelledSet> training) {
    ClusteringMetrics[][] metrics = sweep(training, model);
    double[] sum = new double[THRESHOLD_STEPS];
    for (int step = 0; step < THRESHOLD_STEPS; step++) {
      for (ClusteringMetrics[] set : metrics) {
        sum[step] += set[step].bcubedF1();
      }
    }
    return model.withThreshold(threshold(firstLargest(sum)));
  }

  /** The index of the largest value, the first of those within rounding of it. */
  static int firstLargest(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best] + 1e-9) {
        best = i;
      }
    }
    return best;
  }

  static double threshold(int step) {
    return THRESHOLD_FROM + step * THRESHOLD_STEP;
  }

  /** The step of the grid a threshold lies on. */
  static int step(double threshold) {
    return (int) Math.round((threshold - THRESHOLD_FROM) / THRESHOLD_STEP);
  }

  /** Weighted L2-regularised logistic regression (soft labels) by Newton's method. */
  static SimilarityModel fit(List<Example> examples) {
    int d = SimilarityModel.featureNames().size() + 1;
    double total = 0;
    for (Example e : examples) {
      total += e.weight();
    }
    double[] beta = new double[d];
    for (int step = 0; step < NEWTON_STEPS; step++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (Example e : examples) {
        double w = e.weight() / total;
        double[] x = withBias(e.features());
        double z = 0;
        for (int i = 0; i < d; i++) {
          z += beta[i] * x[i];
        }
        double p = 1 / (1 + Math.exp(-z));
        for (int i = 0; i < d; i++) {
          gradient[i] += w * (p - e.label()) * x[i];
          double h = w * p * (1 - p) * x[i];
          for (int j = 0; j <= i; j++) {
            hessian[i][j] += h * x[j];
          }
        }
      }
      for (int i = 0; i < d; i++) {
        for (int j = i + 1; j < d; j++) {
          hessian[i][j] = hessian[j][i];
        }
      }
      for (int i = 1; i < d; i++) {
        gradient[i] += L2 * beta[i];
        hessian[i][i] += L2;
      }
      hessian[0][0] += 1e-9;
      double[] delta = solve(hessian, gradient);
      double change = 0;
      for (int i = 0; i < d; i++) {
        beta[i] -= delta[i];
        change += Math.abs(delta[i]);
      }
      if (change < 1e-7) {
        break;
      }
    }
    double[] weights = new double[d - 1];
    System.arraycopy(beta, 1, weights, 0, weights.length);
    return new SimilarityModel(beta[0], weights, 0);
  }

  private static double[] withBias(double[] features) {
    double[] x = new double[features.length + 1];
    x[0] = 1;
    System.arraycopy(features, 0, x, 1, features.length);
    return x;
  }

  /** Gaussian elimination with partial pivoting. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      if (Math.abs(m[col][col]) < 1e-15) {
        continue;
      }
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = m[r][col] / m[col][col];
          for (int c = col; c <= n; c++) {
            m[r][c] -= f * m[col][c];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.abs(m[i][i]) < 1e-15 ? 0 : m[i][n] / m[i][i];
    }
    return x;
  }

  /**
   * Cleans and analyses every labelled line as the pipeline does a JSON Lines record: the file's
   * set, and its copy in the other regime (dated when none of its articles is, else undated).
   */
  static List<LabelledSet> read(Path file, Path copies) throws IOException {
    List<ObjectNode> nodes = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          nodes.add((ObjectNode) JSON.readTree(line));
        }
      }
    }
    String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
    List<LabelledSet> sets = new ArrayList<>(List.of(labelled(name, file, nodes, false)));
    boolean undated = nodes.stream().allMatch(n -> text(n, "published") == null);
    String copyName = name + (undated ? "-dated" : "-undated");
    List<ObjectNode> copy = undated ? datedCopy(nodes, name) : undatedCopy(nodes);
    sets.add(labelled(name + (undated ? " (dated)" : " (undated)"), file, copy, true));
    if (copies != null) {
      Files.createDirectories(copies);
      List<String> lines = new ArrayList<>();
      for (ObjectNode node : copy) {
        lines.add(JSON.writeValueAsString(node));
      }
      Files.write(copies.resolve(copyName + ".jsonl"), lines, StandardCharsets.UTF_8);
    }
    return sets;
  }

  private static LabelledSet labelled(String name, Path file, List<ObjectNode> nodes,
      boolean copy) {
    ArticleAnalyzer analyzer = new ArticleAnalyzer();
    List<ArticleFacts> facts = new ArrayList<>();
    Map<String, String> gold = new LinkedHashMap<>();
    for (ObjectNode node : nodes) {
      facts.add(analyse(analyzer, node, file));
      gold.put(node.path("id").asText(), node.path("gold_story").asText());
    }
    List<EventSignature> signatures = InMemoryGrouping.signatures(facts);
    return new LabelledSet(name, file.toString(), signatures, gold,
        InMemoryGrouping.candidatePairs(signatures), copy);
  }

  /**
   * An undated set as a dense daily stream: each gold story gets a day drawn at random from a
   * span of one day per {@link #DATED_COPY_STORIES_PER_DAY} stories, and each of its articles
   * that day or the next. None of the development sets is a dated stream of one country's
   * politics, where many stories share their words and what tells them apart is their days; the
   * copy shows what the model does on one (trained on, it made held-out figures worse: the
   * model then learned its calibration of undated pairs from the one undated set left). Seeded
   * by the set's name.
   */
  static List<ObjectNode> datedCopy(List<ObjectNode> nodes, String name) {
    Random random = new Random(name.hashCode());
    Map<String, Integer> dayOfStory = new LinkedHashMap<>();
    nodes.forEach(n -> dayOfStory.putIfAbsent(n.path("gold_story").asText(), 0));
    int span = Math.max(1, dayOfStory.size() / DATED_COPY_STORIES_PER_DAY);
    dayOfStory.replaceAll((story, day) -> random.nextInt(span));
    LocalDate start = LocalDate.of(2020, 1, 1);
    List<ObjectNode> dated = new ArrayList<>(nodes.size());
    for (ObjectNode node : nodes) {
      int day = dayOfStory.get(node.path("gold_story").asText()) + random.nextInt(2);
      dated.add(node.deepCopy().put("published", start.plusDays(day) + "T12:00:00Z"));
    }
    return dated;
  }

  /**
   * A dated set with its dates removed: what the model does on a corpus without dates (a week of
   * an aggregator's pages often has none) whose stories are the size of this set's.
   */
  static List<ObjectNode> undatedCopy(List<ObjectNode> nodes) {
    List<ObjectNode> undated = new ArrayList<>(nodes.size());
    for (ObjectNode node : nodes) {
      undated.add(node.deepCopy().putNull("published"));
    }
    return undated;
  }

  /** One JSON Lines article of {@code file}, cleaned and analysed as the pipeline does it. */
  public static ArticleFacts analyse(ArticleAnalyzer analyzer, JsonNode node, Path file) {
    String title = text(node, "title");
    String body = text(node, "text");
    CleanedPage page = PageCleaner.cleanArticleText(title, body == null ? "" : body);
    Article article =
        new Article(node.path("id").asText(), null, text(node, "source"), text(node, "url"),
            PublishedTime.parse(text(node, "published")), page.title(), page.body(), "en", null,
            file.toString(), "jsonl", page.wordCount());
    return analyzer.analyze(article);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
