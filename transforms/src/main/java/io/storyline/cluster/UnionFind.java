package io.storyline.cluster;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/**
 * Connected components of the link graph as a combiner: each accumulator is a union-find forest
 * (a child → parent map) over the articles it has seen links for; forests merge by re-linking
 * their roots. Work per link is near-constant; the finished map names each linked article's
 * component by its smallest article id. Articles without links are not in it.
 */
final class UnionFind extends Combine.CombineFn<KV<String, String>, Map<String, String>, Map<String, String>> {
  @Override
  public Map<String, String> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<String, String> addInput(Map<String, String> parents, KV<String, String> link) {
    union(parents, link.getKey(), link.getValue());
    return parents;
  }

  @Override
  public Map<String, String> mergeAccumulators(Iterable<Map<String, String>> forests) {
    Map<String, String> merged = null;
    for (Map<String, String> forest : forests) {
      if (merged == null) {
        merged = forest;
        continue;
      }
      for (Map.Entry<String, String> e : forest.entrySet()) {
        union(merged, e.getKey(), e.getValue());
      }
    }
    return merged == null ? createAccumulator() : merged;
  }

  @Override
  public Map<String, String> extractOutput(Map<String, String> parents) {
    Map<String, String> roots = new HashMap<>();
    for (String node : parents.keySet()) {
      roots.put(node, find(parents, node));
    }
    return roots;
  }

  @Override
  public Coder<Map<String, String>> getAccumulatorCoder(
      CoderRegistry registry, Coder<KV<String, String>> inputCoder) {
    return MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
  }

  @Override
  public Coder<Map<String, String>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<KV<String, String>> inputCoder) {
    return MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
  }

  /** Joins the trees of a and b under the smaller root, so the root is the smallest id. */
  static void union(Map<String, String> parents, String a, String b) {
    String ra = find(parents, a);
    String rb = find(parents, b);
    if (ra.equals(rb)) {
      return;
    }
    if (ra.compareTo(rb) < 0) {
      parents.put(rb, ra);
    } else {
      parents.put(ra, rb);
    }
  }

  /** The root of a node's tree, halving the path on the way. */
  static String find(Map<String, String> parents, String node) {
    String current = parents.computeIfAbsent(node, n -> n);
    while (true) {
      String parent = parents.get(current);
      if (parent.equals(current)) {
        return current;
      }
      String grandparent = parents.get(parent);
      parents.put(current, grandparent);
      current = grandparent;
    }
  }
}
