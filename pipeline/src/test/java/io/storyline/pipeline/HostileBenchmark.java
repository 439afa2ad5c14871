package io.storyline.pipeline;

import io.storyline.io.ParquetTableReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Times the job on each file of the {@link HostileCorpus}, on the direct runner in this JVM: one
 * job over the whole corpus first (it warms the JIT compiler and checks the rows of all files
 * together), then one job per file. Prints per file the rows it became against the rows it must
 * give, the seconds the job's stages spent in their own code (Beam counters, summed over
 * workers), that time per row, and the job's wall time; a file whose time per row exceeds the
 * budget, or whose rows are wrong, makes the exit status 1. Run by {@code
 * scripts/hostile-benchmark.sh}; a benchmark, not a test.
 *
 * <pre>HostileBenchmark WORK_DIR PAGE_BYTES BUDGET_SECONDS</pre>
 */
public final class HostileBenchmark {
  private HostileBenchmark() {}

  /** What one job gave: its rows per file, its stage seconds and its wall seconds. */
  private record Run(Map<String, Long> rowsByFile, double stageSeconds, double wallSeconds) {
    long rows() {
      return rowsByFile.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: HostileBenchmark WORK_DIR PAGE_BYTES BUDGET_SECONDS");
      System.exit(2);
    }
    Path work = Paths.get(args[0]);
    int pageBytes = Integer.parseInt(args[1]);
    double budget = Double.parseDouble(args[2]);
    Path corpus = work.resolve("corpus-" + pageBytes);
    deleteTree(corpus);
    List<HostileCorpus.Page> pages = HostileCorpus.write(corpus, pageBytes);

    boolean ok = true;
    Run all = run(corpus.toString(), work.resolve("out-all"), pageBytes);
    System.out.printf(Locale.ROOT,
        "Whole corpus in one job (the warm-up): %d files, %d rows, %.1f stage s, %.1f wall s%n%n",
        all.rowsByFile().size(), all.rows(), all.stageSeconds(), all.wallSeconds());
    System.out.printf(Locale.ROOT, "| file | bytes | rows (must) | stage s | stage s per row"
        + " | wall s | budget %.1f s per row |%n", budget);
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    for (HostileCorpus.Page page : pages) {
      Path file = corpus.resolve(page.file());
      Run one = run(file.toString(), work.resolve("out-" + page.file()), pageBytes);
      long rows = one.rows();
      long together = all.rowsByFile().getOrDefault(page.file(), 0L);
      boolean rowsOk = rows >= page.minRows() && rows <= page.maxRows() && rows == together;
      double perRow = rows == 0 ? one.stageSeconds() : one.stageSeconds() / rows;
      boolean timeOk = perRow <= budget;
      ok &= rowsOk && timeOk;
      System.out.printf(Locale.ROOT, "| %s | %d | %d (%s) | %.2f | %.3f | %.1f | %s |%n",
          page.file(), Files.size(file), rows, page.rows(), one.stageSeconds(), perRow,
          one.wallSeconds(), !rowsOk ? "✗ rows" : timeOk ? "✓" : "✗ time");
    }
    System.out.println();
    System.out.println("Stage s: the job's stages in their own code (read, clean, extract, group,"
        + " consolidate, write), summed over workers; wall s: the job, its fixed cost included.");
    System.exit(ok ? 0 : 1);
  }

  private static Run run(String input, Path out, int pageBytes) throws IOException {
    deleteTree(out);
    String[] args = {"--input=" + input, "--output=" + out, "--maxRecordBytes=" + pageBytes};
    StorylineOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(StorylineOptions.class);
    StorylinePipeline.relaxDirectRunnerChecks(options, args);
    long start = System.nanoTime();
    PipelineResult result = StorylinePipeline.run(options);
    result.waitUntilFinish();
    double wall = (System.nanoTime() - start) / 1e9;
    long nanos = 0;
    for (long stage : StorylinePipeline.stageNanos(result).values()) {
      nanos += stage;
    }
    Map<String, Long> rows = new TreeMap<>();
    for (String table : List.of("articles", "rejected")) {
      for (GenericRecord row : ParquetTableReader.readAll(out, table)) {
        String file = row.get("input_file").toString();
        rows.merge(file.substring(file.lastIndexOf('/') + 1), 1L, Long::sum);
      }
    }
    return new Run(rows, nanos / 1e9, wall);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
