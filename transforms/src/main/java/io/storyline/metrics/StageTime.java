package io.storyline.metrics;

import java.io.Serializable;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * Time spent in one stage's own code, as a Beam counter of nanoseconds summed over all workers:
 * what each stage costs, whatever the runner. Time spent handing elements to the next step is
 * not counted (a runner that chains steps runs the next one inside the output call).
 */
public final class StageTime implements Serializable {
  public static final String NAMESPACE = "storyline_stage_nanos";
  /** The stages, in pipeline order. */
  public static final String READ = "read";
  public static final String CLEAN = "clean";
  public static final String RATE = "rate";
  public static final String EXTRACT = "extract";
  public static final String GROUP = "group";
  public static final String CONSOLIDATE = "consolidate";
  public static final String WRITE = "write";

  private final Counter nanos;

  private StageTime(String stage) {
    this.nanos = Metrics.counter(NAMESPACE, stage);
  }

  public static StageTime of(String stage) {
    return new StageTime(stage);
  }

  /** A start time for {@link #since}. */
  public static long now() {
    return System.nanoTime();
  }

  /** Adds the time since {@code start}. */
  public void since(long start) {
    nanos.inc(System.nanoTime() - start);
  }
}
