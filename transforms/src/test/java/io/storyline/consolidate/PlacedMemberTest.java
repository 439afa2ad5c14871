package io.storyline.consolidate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.storyline.model.ArticleFacts;
import io.storyline.model.OpenStoryMember;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.util.CoderUtils;
import org.joda.time.Instant;
import org.junit.Test;

public class PlacedMemberTest {
  @Test
  public void theJoinsCoderKeepsTheFactsAndSharesTheirTerms() throws Exception {
    // Built, not literal, so the terms are not already the interned strings.
    String quake = new StringBuilder("qua").append("ke").toString();
    ArticleFacts facts =
        new ArticleFacts("a1", "src", Instant.parse("2024-03-04T12:00:00Z"), "Quake", "A quake.",
            List.of(), List.of(), List.of(quake, quake, "chile"), List.of(quake), List.of(3L, 4L));
    PlacedMember placed =
        new PlacedMember(true, new OpenStoryMember("st-1", facts, null, null, null, null, null, null));
    Coder<PlacedMember> coder = PlacedMember.coder(TestPipeline.create());

    PlacedMember copy = CoderUtils.clone(coder, placed);
    assertTrue(copy.earlier);
    assertEquals("st-1", copy.member.storyId);
    assertEquals(facts, copy.member.facts);
    assertNotSame(quake, copy.member.facts.terms.get(0));
    assertSame("quake", copy.member.facts.terms.get(0));
    assertSame(copy.member.facts.terms.get(0), copy.member.facts.terms.get(1));
    assertSame(copy.member.facts.terms.get(0), copy.member.facts.titleTerms.get(0));
  }
}
