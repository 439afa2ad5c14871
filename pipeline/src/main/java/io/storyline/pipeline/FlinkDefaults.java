package io.storyline.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Flink configuration Storyline runs with when none is given. */
final class FlinkDefaults {
  /** Flat keys, valid YAML: Flink 1.19 reads {@code config.yaml}. */
  static final String CONFIG =
      "# A global combine's accumulator grows with the corpus: let the sorter spill a record\n"
          + "# larger than its buffer instead of failing the job.\n"
          + "taskmanager.runtime.large-record-handler: true\n"
          + FlinkDefaults.RECOVERY;

  /** Attempts of the restart strategy before the job fails; also Beam's retries. */
  static final int RESTART_ATTEMPTS = 4;

  /** The first restart's delay, in milliseconds; also Beam's retry delay. */
  static final long RESTART_DELAY_MILLIS = 2_000;

  /**
   * Recovery from a lost TaskManager, shared with {@code scripts/run-flink.sh}'s cluster
   * configuration (a test keeps the two equal).
   */
  static final String RECOVERY =
      "# A lost TaskManager restarts the failed region of the job, not the whole job, a bounded\n"
          + "# number of times, waiting 2 s, 4 s, 8 s, 16 s (at most 30 s) between attempts.\n"
          + "restart-strategy.type: exponential-delay\n"
          + "restart-strategy.exponential-delay.initial-backoff: 2 s\n"
          + "restart-strategy.exponential-delay.backoff-multiplier: 2.0\n"
          + "restart-strategy.exponential-delay.max-backoff: 30 s\n"
          + "restart-strategy.exponential-delay.jitter-factor: 0.1\n"
          + "restart-strategy.exponential-delay.attempts-before-reset-backoff: 4\n"
          + "# Only an hour without failure starts the count of attempts afresh: a batch job that\n"
          + "# keeps failing fails instead of restarting forever.\n"
          + "restart-strategy.exponential-delay.reset-backoff-threshold: 1 h\n"
          + "jobmanager.execution.failover-strategy: region\n"
          + "# A killed TaskManager refuses connections: two failed heartbeat RPCs in a row (4 s)\n"
          + "# mark it lost. A live one that stops answering (a long GC pause of a big combine) has\n"
          + "# 30 s before it is taken for dead.\n"
          + "heartbeat.interval: 2000\n"
          + "heartbeat.timeout: 30000\n"
          + "heartbeat.rpc-failure-threshold: 2\n"
          + "# A restarted task whose slot cannot be had fails the attempt after 60 s (default 5 min).\n"
          + "slot.request.timeout: 60000\n";

  private FlinkDefaults() {}

  /** Writes the configuration to a new temporary folder and returns the folder. */
  static String writeConfigDir() {
    try {
      Path dir = Files.createTempDirectory("storyline-flink-conf");
      Path file = dir.resolve("config.yaml");
      Files.writeString(file, CONFIG, StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return dir.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the default Flink configuration", e);
    }
  }
}
