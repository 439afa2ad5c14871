package io.storyline.cluster;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.KV;
import org.junit.Test;

public class UnionFindTest {
  @Test
  public void componentsAreNamedByTheirSmallestId() {
    UnionFind fn = new UnionFind();
    Map<String, String> left = fn.createAccumulator();
    fn.addInput(left, KV.of("d", "c"));
    fn.addInput(left, KV.of("x", "y"));
    Map<String, String> right = fn.createAccumulator();
    fn.addInput(right, KV.of("c", "b"));
    fn.addInput(right, KV.of("z", "y"));
    Map<String, String> roots = fn.extractOutput(fn.mergeAccumulators(List.of(left, right)));
    assertEquals("b", roots.get("d"));
    assertEquals("b", roots.get("c"));
    assertEquals("b", roots.get("b"));
    assertEquals("x", roots.get("z"));
    assertEquals(6, roots.size());
  }
}
