package io.storyline.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyline.cluster.EventSignature;
import io.storyline.cluster.InMemoryGrouping;
import io.storyline.cluster.SimilarityModel;
import io.storyline.evaluation.SimilarityTraining;
import io.storyline.extract.ArticleAnalyzer;
import io.storyline.model.ArticleFacts;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times story grouping alone on a JSON Lines corpus (a benchmark corpus): the articles are
 * cleaned and analysed once, then signatures, blocking, links and clustering run in memory on one
 * thread, twice (the second run is JIT-warm), as {@link InMemoryGrouping} does them from the
 * pipeline's own logic. Prints the CPU seconds of each run's steps and the stories formed; CPU
 * time of the one thread, so other work on the machine does not count.
 *
 * <pre>
 * GroupingProfile CORPUS_DIR
 * </pre>
 */
public final class GroupingProfile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GroupingProfile() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: GroupingProfile CORPUS_DIR");
      System.exit(2);
    }
    List<ArticleFacts> facts = analyse(Path.of(args[0]));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    SimilarityModel model = SimilarityModel.shipped();
    for (int run = 1; run <= 2; run++) {
      long start = threads.getCurrentThreadCpuTime();
      List<EventSignature> signatures = InMemoryGrouping.signatures(facts);
      long signed = threads.getCurrentThreadCpuTime();
      Map<String, String> storyOf = InMemoryGrouping.group(signatures, model);
      long grouped = threads.getCurrentThreadCpuTime();
      Map<String, Integer> sizes = new HashMap<>();
      storyOf.values().forEach(story -> sizes.merge(story, 1, Integer::sum));
      int largest = sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      System.out.printf(Locale.ROOT,
          "run %d: %d articles, CPU s: signatures %.1f, links and clustering %.1f (%.2f ms per"
              + " article in all); %d stories, the largest of %d articles%n",
          run, facts.size(), (signed - start) / 1e9, (grouped - signed) / 1e9,
          (grouped - start) / 1e6 / facts.size(), sizes.size(), largest);
    }
  }

  private static List<ArticleFacts> analyse(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    ArticleAnalyzer analyzer = new ArticleAnalyzer();
    List<ArticleFacts> facts = new ArrayList<>();
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          facts.add(SimilarityTraining.analyse(analyzer, JSON.readTree(line), file));
        }
      }
    }
    return facts;
  }
}
