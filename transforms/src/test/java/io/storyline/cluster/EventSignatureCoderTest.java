package io.storyline.cluster;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Instant;
import org.junit.Test;

public class EventSignatureCoderTest {
  private static SparseVector vector(Map<String, Double> weights) {
    return SparseVector.unitOfStrongest(new ArrayList<>(weights.entrySet()), 100);
  }

  private static EventSignature signature() {
    return new EventSignature("a1", Instant.parse("2024-03-04T12:00:00Z"),
        vector(Map.of("quake", 2.0, "chile", 1.0)), vector(Map.of("quake", 1.0)),
        SparseVector.EMPTY, vector(Map.of("=quantity:dead 12", 1.0)), List.of(5L, -7L, 9L));
  }

  @Test
  public void aSignatureSurvivesTheCoderWholeAndNested() throws Exception {
    EventSignature s = signature().inEarlierStory("story-9");
    EventSignature copy = CoderUtils.clone(EventSignature.coder(), s);
    assertEquals("a1", copy.articleId);
    assertEquals(s.published, copy.published);
    assertEquals("story-9", copy.earlierStory);
    assertEquals(1, copy.words.dot(s.words), 1e-12);
    assertEquals(s.words.weight("quake"), copy.words.weight("quake"), 0);
    assertEquals(1, copy.title.dot(s.title), 1e-12);
    assertEquals(0, copy.entities.size());
    assertEquals(1, copy.values.dot(s.values), 1e-12);
    assertArrayEquals(new long[] {5, -7, 9}, copy.fingerprint);

    // Nested in a KV, as the shuffles carry it, with an undated signature of a new article.
    KvCoder<String, EventSignature> kv = KvCoder.of(StringUtf8Coder.of(), EventSignature.coder());
    KV<String, EventSignature> nested = CoderUtils.clone(kv, KV.of("key", signature().at(null)));
    assertEquals("key", nested.getKey());
    assertNull(nested.getValue().published);
    assertNull(nested.getValue().earlierStory);
    assertArrayEquals(CoderUtils.encodeToByteArray(EventSignature.coder(), signature().at(null)),
        CoderUtils.encodeToByteArray(EventSignature.coder(), nested.getValue()));
  }
}
