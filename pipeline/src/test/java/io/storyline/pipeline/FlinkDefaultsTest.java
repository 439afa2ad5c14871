package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.junit.Test;

public class FlinkDefaultsTest {
  private static FlinkPipelineOptions apply(String... args) {
    StorylineOptions options = PipelineOptionsFactory.fromArgs(args).as(StorylineOptions.class);
    StorylinePipeline.applyFlinkDefaults(options, args);
    return options.as(FlinkPipelineOptions.class);
  }

  @Test
  public void retriesAreSetOnFlinkUnlessGiven() {
    FlinkPipelineOptions flink = apply("--runner=FlinkRunner", "--flinkConfDir=/nowhere");
    assertEquals(
        Integer.valueOf(FlinkDefaults.RESTART_ATTEMPTS), flink.getNumberOfExecutionRetries());
    assertEquals(Long.valueOf(FlinkDefaults.RESTART_DELAY_MILLIS), flink.getExecutionRetryDelay());
    assertTrue(flink.getObjectReuse());
    // A configuration the user gave is never replaced by Storyline's own.
    assertEquals("/nowhere", flink.getFlinkConfDir());
  }

  @Test
  public void retriesGivenOnTheCommandLineAreKept() {
    FlinkPipelineOptions flink =
        apply(
            "--runner=FlinkRunner",
            "--flinkConfDir=/nowhere",
            "--numberOfExecutionRetries=0",
            "--executionRetryDelay=500");
    assertEquals(Integer.valueOf(0), flink.getNumberOfExecutionRetries());
    assertEquals(Long.valueOf(500), flink.getExecutionRetryDelay());
  }

  @Test
  public void otherRunnersAreLeftAlone() {
    FlinkPipelineOptions flink = apply("--runner=DirectRunner");
    assertEquals(Integer.valueOf(-1), flink.getNumberOfExecutionRetries());
    assertEquals(Long.valueOf(-1), flink.getExecutionRetryDelay());
    assertNull(flink.getFlinkConfDir());
  }

  /** Flink itself reads the written configuration: every key is one it knows, every value parses. */
  @Test
  public void flinkReadsTheRestartStrategy() {
    Configuration conf = GlobalConfiguration.loadConfiguration(FlinkDefaults.writeConfigDir());
    assertEquals("exponential-delay", conf.get(RestartStrategyOptions.RESTART_STRATEGY));
    assertEquals(
        Integer.valueOf(FlinkDefaults.RESTART_ATTEMPTS),
        conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS));
    assertEquals(
        Duration.ofMillis(FlinkDefaults.RESTART_DELAY_MILLIS),
        conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF));
    assertEquals(
        Duration.ofSeconds(30),
        conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF));
    assertEquals(
        Duration.ofHours(1),
        conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD));
    assertEquals("region", conf.get(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY));
    assertEquals(Long.valueOf(2000), conf.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL));
    assertEquals(Long.valueOf(30000), conf.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT));
    assertEquals(Long.valueOf(60000), conf.get(JobManagerOptions.SLOT_REQUEST_TIMEOUT));
    assertTrue(conf.getBoolean("taskmanager.runtime.large-record-handler", false));
  }

  /** run-flink.sh's cluster recovers as the job's own configuration says. */
  @Test
  public void runFlinkWritesTheSameRecovery() throws Exception {
    Path script = Paths.get("..", "scripts", "run-flink.sh");
    String text = Files.readString(script, StandardCharsets.UTF_8);
    assertTrue(
        "run-flink.sh's config.yaml lacks FlinkDefaults.RECOVERY",
        text.contains(FlinkDefaults.RECOVERY));
  }
}
