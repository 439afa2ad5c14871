package io.storyline.consolidate;

import io.storyline.model.OpenStoryMember;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;

/**
 * A member of a story as consolidation gathers it: an article of this run (its story id is the
 * story it joined) or of an earlier run (its story id is the story it was written under, which a
 * merge may have continued into another).
 */
@DefaultSchema(JavaFieldSchema.class)
public final class PlacedMember {
  public final boolean earlier;
  public final OpenStoryMember member;

  @SchemaCreate
  public PlacedMember(boolean earlier, OpenStoryMember member) {
    this.earlier = earlier;
    this.member = member;
  }
}
