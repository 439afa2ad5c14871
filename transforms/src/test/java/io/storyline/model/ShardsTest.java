package io.storyline.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.values.KV;
import org.junit.Test;

public class ShardsTest {
  @Test
  public void shardCountGrowsWithTheElementsSoShardsStayBounded() {
    assertEquals(1, Shards.count(0));
    assertEquals(1, Shards.count(Shards.ELEMENTS_PER_SHARD));
    assertEquals(2, Shards.count(Shards.ELEMENTS_PER_SHARD + 1));
    assertEquals(50, Shards.count(100_000));
  }

  @Test
  public void aKeyAlwaysFallsInTheSameShardAndKeysSpreadOverAll() {
    Set<String> used = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String shard = Shards.of("story-" + i, 8);
      assertEquals(shard, Shards.of("story-" + i, 8));
      int n = Integer.parseInt(shard);
      assertTrue(n >= 0 && n < 8);
      used.add(shard);
    }
    assertEquals(8, used.size());
  }

  @Test
  public void regroupsAShardByItsOwnKeys() {
    Map<String, List<Integer>> groups =
        Shards.regroup(List.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3)));
    assertEquals(Map.of("a", List.of(1, 3), "b", List.of(2)), groups);
  }
}
