package io.storyline.pipeline;

import io.storyline.clean.CleanArticles;
import io.storyline.cluster.GroupIntoStories;
import io.storyline.consolidate.ConsolidateStories;
import io.storyline.consolidate.OpenStories;
import io.storyline.extract.ExtractFacts;
import io.storyline.io.DeduplicateIds;
import io.storyline.io.ReadInputs;
import io.storyline.io.ReadStateTable;
import io.storyline.io.WriteBigQueryTable;
import io.storyline.io.WriteParquetTable;
import io.storyline.metrics.StageTime;
import io.storyline.model.Article;
import io.storyline.model.ArticleFacts;
import io.storyline.model.OpenStoryMember;
import io.storyline.model.Rejected;
import io.storyline.model.Story;
import io.storyline.model.StoryClaim;
import io.storyline.model.TermCount;
import io.storyline.ratings.OutletRating;
import io.storyline.ratings.RateOutlets;
import io.storyline.ratings.RatingsFormatException;
import io.storyline.ratings.SourceRatings;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * The Storyline job: read → clean → extract → group into stories → consolidate → write; with
 * {@code --sourceRatings}, articles are rated by their outlets before consolidation.
 *
 * <pre>
 * java -jar storyline-bundled.jar --input=fixtures/sample --output=out
 * java -jar storyline-bundled.jar --runner=FlinkRunner --flinkMaster=HOST:PORT \
 *     --input=... --output=...
 * java -jar storyline-bundled.jar --runner=DataflowRunner --project=... --region=... \
 *     --tempLocation=gs://... --input=gs://... --bigQueryDataset=PROJECT:DATASET
 * </pre>
 */
public final class StorylinePipeline {
  private StorylinePipeline() {}

  public static void main(String[] args) {
    PipelineOptionsFactory.register(StorylineOptions.class);
    StorylineOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(StorylineOptions.class);
    try {
      OptionChecks.check(options);
    } catch (OptionChecks.InvalidOptionException e) {
      // One line, before any work: the option and what is wrong with it.
      System.err.println("storyline: " + e.getMessage());
      System.exit(2);
    }
    if (!isBlank(options.getOutput())) {
      try {
        OutputMarker.write(options.getOutput().strip());
      } catch (IOException e) {
        System.err.println("storyline: --output " + options.getOutput() + " cannot be written: " + e);
        System.exit(2);
      }
    }
    relaxDirectRunnerChecks(options, args);
    applyFlinkDefaults(options, args);
    PipelineResult result;
    try {
      result = run(options);
    } catch (RatingsFormatException e) {
      System.err.println("storyline: --sourceRatings: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (submitsAndReturns(options.getRunner())) {
      System.out.println("Storyline submitted to " + options.getRunner().getSimpleName());
      return;
    }
    result.waitUntilFinish();
    printCounts(result);
  }

  /**
   * The direct runner re-encodes and re-checks every element for immutability on every bundle:
   * checks that belong to tests (where {@code TestPipeline} keeps them on) and that cost a job on
   * a real corpus most of its time. They stay off unless asked for on the command line.
   */
  static void relaxDirectRunnerChecks(StorylineOptions options, String[] args) {
    DirectOptions direct = options.as(DirectOptions.class);
    if (!given(args, "--enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!given(args, "--enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
  }

  /**
   * Storyline's defaults on Flink, each unless given on the command line (or, for the
   * configuration, in {@code FLINK_CONF_DIR}):
   *
   * <ul>
   *   <li>object reuse and no deep copies: Flink otherwise copies every element between chained
   *       operators through its coder, and Storyline's elements are immutable, so the copies are
   *       pure cost (each article body encoded and decoded at every step);
   *   <li>a configuration with Flink's large-record handler on: a global combine's accumulator
   *       (document frequencies, the union-find forest of linked articles) is one record that
   *       grows with the corpus, and Flink's sorter otherwise fails the job on a record larger
   *       than its buffer ("Record too large"); and recovery from a lost TaskManager
   *       ({@link FlinkDefaults#RECOVERY}): bounded exponential-delay restarts of the failed
   *       region, a dead TaskManager found in seconds;
   *   <li>Beam's own retry options, {@code --numberOfExecutionRetries} and {@code
   *       --executionRetryDelay}, with the same attempts and first delay.
   * </ul>
   */
  static void applyFlinkDefaults(StorylineOptions options, String[] args) {
    if (!options.getRunner().getSimpleName().equals("FlinkRunner")) {
      return;
    }
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    if (!given(args, "--objectReuse")) {
      flink.setObjectReuse(true);
    }
    if (!given(args, "--fasterCopy")) {
      flink.setFasterCopy(true);
    }
    // Beam hands these to Flink only on the DataStream translation (--streaming or
    // --useDataStreamForBatch), as a fixed-delay strategy; the DataSet translation of a batch job
    // ignores them, and the configuration's exponential-delay strategy applies.
    if (!given(args, "--numberOfExecutionRetries")) {
      flink.setNumberOfExecutionRetries(FlinkDefaults.RESTART_ATTEMPTS);
    }
    if (!given(args, "--executionRetryDelay")) {
      flink.setExecutionRetryDelay(FlinkDefaults.RESTART_DELAY_MILLIS);
    }
    if (flink.getFlinkConfDir() == null && System.getenv("FLINK_CONF_DIR") == null) {
      flink.setFlinkConfDir(FlinkDefaults.writeConfigDir());
    }
  }

  /** Whether an option was given on the command line, with or without a value. */
  private static boolean given(String[] args, String option) {
    for (String arg : args) {
      if (arg.equals(option) || arg.startsWith(option + "=")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether main returns once the job is submitted instead of waiting for it: on Dataflow, whose
   * Flex Template launcher must exit after submitting (and a classic template is only written).
   */
  static boolean submitsAndReturns(Class<? extends PipelineRunner<?>> runner) {
    return DataflowRunner.class.isAssignableFrom(runner);
  }

  /** Builds and starts the job. */
  public static PipelineResult run(StorylineOptions options) {
    return run(options, null);
  }

  /** As {@link #run(StorylineOptions)}, with BigQuery's services replaced when not null. */
  static PipelineResult run(StorylineOptions options, @Nullable BigQueryServices bigQuery) {
    Pipeline pipeline = Pipeline.create(options);
    StorylineTables tables = buildPipeline(pipeline, options);
    writeTables(tables, options, bigQuery);
    return pipeline.run();
  }

  /**
   * Writes the tables where the options say: Parquet under {@code --output}, BigQuery in {@code
   * --bigQueryDataset}, or both.
   */
  public static void writeTables(
      StorylineTables tables, StorylineOptions options, @Nullable BigQueryServices bigQuery) {
    boolean parquet = !isBlank(options.getOutput());
    boolean bigQueryTables = !isBlank(options.getBigQueryDataset());
    if (!parquet && !bigQueryTables) {
      throw new IllegalArgumentException(
          "Nowhere to write: give --output (Parquet), --bigQueryDataset (BigQuery) or both");
    }
    if (parquet) {
      writeParquet(tables, options.getOutput(), options.getShards());
    }
    if (bigQueryTables) {
      writeBigQuery(tables, options, bigQuery);
    }
  }

  /**
   * Adds every stage up to the finished tables; writing them is left to the caller. With {@code
   * --previousOutput}, the open stories of that run are read from its state table and continued.
   */
  public static StorylineTables buildPipeline(Pipeline pipeline, StorylineOptions options) {
    PCollectionTuple read =
        pipeline.apply("ReadInputs",
            ReadInputs.from(inputPatterns(options.getInput()))
                .withMaxRecordBytes(options.getMaxRecordBytes()));
    PCollection<OpenStoryMember> earlier = null;
    PCollection<TermCount> earlierCounts = null;
    DeduplicateIds deduplicate = DeduplicateIds.create();
    if (!isBlank(options.getPreviousOutput())) {
      String previous = options.getPreviousOutput().strip();
      earlier = pipeline.apply("ReadPreviousState", ReadStateTable.from(previous));
      earlierCounts = pipeline.apply("ReadPreviousTermCounts", ReadStateTable.termCounts(previous));
      deduplicate = deduplicate.withEarlierMembers(OpenStories.storyOfMember(earlier));
    }
    PCollectionTuple unique =
        read.get(ReadInputs.RECORDS).apply("DeduplicateIds", deduplicate);
    PCollectionTuple cleaned =
        unique.get(DeduplicateIds.UNIQUE).apply("CleanArticles", CleanArticles.create());
    PCollection<Article> articles = cleaned.get(CleanArticles.ARTICLES);
    PCollection<ArticleFacts> facts = articles.apply("ExtractClaims", ExtractFacts.create());
    ConsolidateStories consolidate;
    if (isBlank(options.getSourceRatings())) {
      consolidate = ConsolidateStories.of(articles, facts);
    } else {
      // Read and checked here, while the job is built: a bad file fails before anything runs.
      FileSystems.setDefaultPipelineOptions(options);
      List<OutletRating> ratings = SourceRatings.read(options.getSourceRatings().strip());
      PCollection<Article> rated = articles.apply("RateOutlets", RateOutlets.with(ratings));
      consolidate = ConsolidateStories.of(rated, facts).withRatedOutlets();
    }
    PCollectionView<Long> reference = OpenStories.referenceTime(facts, earlier);
    Duration window = Duration.standardDays(options.getStoryWindowDays());
    consolidate = consolidate.withOpenStories(reference, window);
    GroupIntoStories group = GroupIntoStories.create();
    if (earlier != null) {
      PCollection<OpenStoryMember> open =
          earlier.apply("KeepOpenStories", OpenStories.stillOpen(reference, window));
      group = group.withEarlierStories(open, earlierCounts);
      consolidate = consolidate.withEarlierStories(open);
    }
    PCollectionTuple grouped = facts.apply("GroupIntoStories", group);
    PCollectionTuple consolidated =
        grouped.get(GroupIntoStories.MEMBERSHIPS).apply("ConsolidateStories", consolidate);
    PCollection<Rejected> rejected =
        PCollectionList.of(read.get(ReadInputs.REJECTED))
            .and(unique.get(DeduplicateIds.REJECTED))
            .and(cleaned.get(CleanArticles.REJECTED))
            .apply("AllRejected", Flatten.pCollections());
    return new StorylineTables(
        consolidated.get(ConsolidateStories.STORIES),
        consolidated.get(ConsolidateStories.ARTICLES),
        consolidated.get(ConsolidateStories.CLAIMS),
        rejected,
        consolidated.get(ConsolidateStories.STATE),
        grouped.get(GroupIntoStories.TERM_COUNTS));
  }

  /**
   * Writes the four tables as Parquet under {@code output}, and beside them the state and term
   * counts the next run reads.
   */
  public static void writeParquet(StorylineTables tables, String output, int shards) {
    String base = output.endsWith("/") ? output : output + "/";
    tables.stories.apply("WriteStories", WriteParquetTable.to(base + "stories", shards));
    tables.articles.apply("WriteArticles", WriteParquetTable.to(base + "articles", shards));
    tables.claims.apply("WriteClaims", WriteParquetTable.to(base + "claims", shards));
    tables.rejected.apply("WriteRejected", WriteParquetTable.to(base + "rejected", shards));
    tables.state.apply("WriteState", WriteParquetTable.to(base + ReadStateTable.TABLE, shards));
    tables.termCounts.apply("WriteTermCounts",
        WriteParquetTable.to(base + ReadStateTable.TERM_COUNTS_TABLE, shards));
  }

  /**
   * Writes the four tables to {@code --bigQueryDataset}: each created when missing, with a schema
   * derived from the records (as for Parquet), partitioned by day and clustered. Stories are
   * partitioned on {@code first_published} and articles on {@code published}; claims and
   * rejected rows carry no time of their own and are partitioned on the day they are loaded.
   * Stories, articles and claims are clustered on {@code story_id}, rejected rows (which have no
   * story) on {@code reason}.
   */
  public static void writeBigQuery(
      StorylineTables tables, BigQueryOutputOptions options, @Nullable BigQueryServices services) {
    String dataset = options.getBigQueryDataset().strip();
    if (!dataset.matches("(.+:)?[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException(
          "--bigQueryDataset is not PROJECT:DATASET or DATASET: " + dataset);
    }
    tables.stories.apply("WriteStoriesToBigQuery",
        bigQueryTable(WriteBigQueryTable.<Story>to(dataset + ".stories"), options, services)
            .partitionedByDay("first_published")
            .clusteredBy("story_id"));
    tables.articles.apply("WriteArticlesToBigQuery",
        bigQueryTable(WriteBigQueryTable.<Article>to(dataset + ".articles"), options, services)
            .partitionedByDay("published")
            .clusteredBy("story_id"));
    tables.claims.apply("WriteClaimsToBigQuery",
        bigQueryTable(WriteBigQueryTable.<StoryClaim>to(dataset + ".claims"), options, services)
            .partitionedByLoadDay()
            .clusteredBy("story_id"));
    tables.rejected.apply("WriteRejectedToBigQuery",
        bigQueryTable(WriteBigQueryTable.<Rejected>to(dataset + ".rejected"), options, services)
            .partitionedByLoadDay()
            .clusteredBy("reason"));
  }

  private static <T> WriteBigQueryTable<T> bigQueryTable(
      WriteBigQueryTable<T> write,
      BigQueryOutputOptions options,
      @Nullable BigQueryServices services) {
    WriteBigQueryTable<T> configured =
        write
            .withWriteDisposition(options.getBigQueryWriteDisposition())
            .withMethod(options.getBigQueryWriteMethod());
    return services == null ? configured : configured.withTestServices(services);
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  /**
   * Splits the comma-separated patterns; a local directory, or any path ending in {@code /}
   * ({@code gs://bucket/dir/}), stands for every file in it.
   */
  static List<String> inputPatterns(String input) {
    List<String> patterns = new ArrayList<>();
    for (String part : input.split(",")) {
      String pattern = part.strip();
      if (pattern.isEmpty()) {
        continue;
      }
      if (!pattern.contains("://") && new File(pattern).isDirectory()) {
        pattern = pattern.replaceAll("/+$", "") + "/*";
      } else if (pattern.endsWith("/")) {
        // A folder on any filesystem (gs://bucket/dir/): every file in it.
        pattern = pattern + "*";
      }
      patterns.add(pattern);
    }
    return patterns;
  }

  private static void printCounts(PipelineResult result) {
    MetricQueryResults metrics =
        result.metrics().queryMetrics(
            MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.inNamespace(ReadInputs.class))
                .addNameFilter(MetricNameFilter.inNamespace(CleanArticles.class))
                .addNameFilter(MetricNameFilter.inNamespace(DeduplicateIds.class))
                .addNameFilter(MetricNameFilter.inNamespace(RateOutlets.class))
                .addNameFilter(MetricNameFilter.inNamespace(ConsolidateStories.class))
                .build());
    StringBuilder line = new StringBuilder("Storyline finished:");
    for (MetricResult<Long> counter : metrics.getCounters()) {
      line.append(' ')
          .append(counter.getName().getName())
          .append('=')
          .append(counter.getAttempted());
    }
    System.out.println(line);
    System.out.println(stageTimes(result));
  }

  /** The stages in pipeline order, as {@link StageTime} names them. */
  static final List<String> STAGES =
      List.of(StageTime.READ, StageTime.CLEAN, StageTime.RATE, StageTime.EXTRACT,
          StageTime.GROUP, StageTime.CONSOLIDATE, StageTime.WRITE);

  /** Nanoseconds each stage spent in its own code, summed over workers, by stage name. */
  static Map<String, Long> stageNanos(PipelineResult result) {
    MetricQueryResults metrics =
        result.metrics().queryMetrics(
            MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.inNamespace(StageTime.NAMESPACE))
                .build());
    Map<String, Long> nanos = new HashMap<>();
    for (MetricResult<Long> counter : metrics.getCounters()) {
      nanos.merge(counter.getName().getName(), counter.getAttempted(), Long::sum);
    }
    return nanos;
  }

  /** The time each stage spent in its own code, summed over workers, in pipeline order. */
  static String stageTimes(PipelineResult result) {
    Map<String, Long> nanos = stageNanos(result);
    StringBuilder line = new StringBuilder("Storyline stage seconds (summed over workers):");
    for (String stage : STAGES) {
      line.append(String.format(Locale.ROOT, " %s=%.1f", stage,
          nanos.getOrDefault(stage, 0L) / 1e9));
    }
    return line.toString();
  }
}
