package io.storyline.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.values.KV;

/**
 * Shards many small groups (blocks, pieces, stories) into fewer, bounded shuffle keys: a group
 * is shuffled under the shard of its key, about {@link #ELEMENTS_PER_SHARD} elements per shard
 * whatever the corpus size, and regrouped by its own key in memory.
 *
 * <p>Why: Beam's direct runner — the default, the analyst's runner — turns every key of a
 * {@code GroupByKey} into a bundle of its own, and a later single-key aggregation (a global
 * combine, a side input, a Parquet shard) copies its whole state once per incoming bundle. One
 * key per story made those steps quadratic in the corpus; one key per shard keeps them linear.
 * Other runners lose nothing: a shard still spreads over the workers.
 */
public final class Shards {
  public static final long ELEMENTS_PER_SHARD = 2_000;

  private Shards() {}

  /** How many shards for a shuffle of {@code elements} elements: at least one. */
  public static long count(long elements) {
    return Math.max(1, (elements + ELEMENTS_PER_SHARD - 1) / ELEMENTS_PER_SHARD);
  }

  /** The shard of a group key: the same on every JVM ({@code String.hashCode} is specified). */
  public static String of(String key, long shards) {
    return Long.toString(Math.floorMod(key.hashCode(), shards));
  }

  /** The coder of {@code KV<shard, KV<group key, T>>} for a {@code T} with this coder. */
  public static <T> KvCoder<String, KV<String, T>> coder(Coder<T> valueCoder) {
    return KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), valueCoder));
  }

  /** A shard's elements regrouped by their own keys, in order of first appearance. */
  public static <T> Map<String, List<T>> regroup(Iterable<KV<String, T>> shard) {
    Map<String, List<T>> groups = new LinkedHashMap<>();
    for (KV<String, T> element : shard) {
      groups.computeIfAbsent(element.getKey(), k -> new ArrayList<>()).add(element.getValue());
    }
    return groups;
  }
}
