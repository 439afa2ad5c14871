package io.storyline.consolidate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.storyline.model.ArticleFacts;
import io.storyline.model.ClaimMention;
import io.storyline.model.Entity;
import io.storyline.model.StoryClaim;
import io.storyline.model.StoryMember;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;
import org.junit.Test;

public class StoryBuilderTest {
  private static ClaimMention place(String value, String region) {
    String slot = "place|meet";
    return new ClaimMention("place", "meet", "in", value, region, "NASA",
        "They met in " + value + ".", slot, slot + "|" + region);
  }

  private static ClaimMention year(String relation, String year) {
    String slot = "date|oper";
    return new ClaimMention("date", "operation", relation, year, year, "ISS",
        "Operations continue " + relation + " " + year + ".", slot, slot + "|" + year);
  }

  private static StoryMember member(String id, String source, String duplicateOf, ClaimMention... claims) {
    ArticleFacts facts =
        new ArticleFacts(id, source, Instant.parse("2025-07-31T10:00:00Z"), "Title " + id,
            "Lead of " + id + ".", List.of(new Entity("NASA", "organization", 2)),
            List.of(claims), List.of("nasa", "iss", "meet"), List.of("nasa"), List.of());
    return new StoryMember(facts, duplicateOf);
  }

  private static StoryClaim claim(List<StoryClaim> claims, String value) {
    return claims.stream().filter(c -> c.value.equals(value)).findFirst().orElseThrow();
  }

  @Test
  public void supportCountsDistinctIndependentSources() {
    List<StoryMember> members = new ArrayList<>();
    members.add(member("a", "Herald", null, year("until", "2028")));
    members.add(member("b", "Herald", null, year("until", "2028")));
    members.add(member("c", "Wire", null, year("to", "2028")));
    members.add(member("d", "Echo", "c", year("to", "2028")));
    StoryBuilder.Result result = StoryBuilder.build("st-1", members);
    StoryClaim c = claim(result.claims, "2028");
    assertEquals(2, c.supportCount);
    assertEquals(List.of("a", "b", "c", "d"), c.articleIds);
    assertEquals(4, result.story.articleCount);
    assertEquals(3, result.story.sourceCount);
    assertEquals(1, result.story.duplicateCount);
  }

  @Test
  public void valuesEachCarriedBySourcesWithoutTheOtherAreContested() {
    List<StoryMember> members = new ArrayList<>();
    members.add(member("a", "Herald", null, place("Florida", "florida")));
    members.add(member("b", "Wire", null, place("Kennedy Space Center, Florida", "florida")));
    members.add(member("c", "Echo", null, place("Houston, Texas", "texas")));
    StoryBuilder.Result result = StoryBuilder.build("st-1", members);
    StoryClaim florida = claim(result.claims, "Florida");
    assertTrue(florida.contested);
    assertEquals(2, florida.supportCount);
    assertEquals(2, florida.variants.size());
    assertEquals(1, result.story.contestedCount);
  }

  @Test
  public void aSourceGivingAnOldValueBesideTheNewOneIsNoDisagreement() {
    List<StoryMember> members = new ArrayList<>();
    members.add(member("a", "Herald", null, year("until", "2028")));
    members.add(member("b", "Wire", null, year("until", "2028"), year("until", "2024")));
    StoryBuilder.Result result = StoryBuilder.build("st-1", members);
    assertFalse(claim(result.claims, "2024").contested);
    assertFalse(claim(result.claims, "2028").contested);
    assertEquals(0, result.story.contestedCount);
  }

  @Test
  public void claimIdsAreStableHashes() {
    assertEquals(StoryBuilder.claimId("st-1", "date|oper|2028"),
        StoryBuilder.claimId("st-1", "date|oper|2028"));
    assertFalse(StoryBuilder.claimId("st-1", "date|oper|2028")
        .equals(StoryBuilder.claimId("st-2", "date|oper|2028")));
  }
}
