package io.storyline.model;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;

/** An article's facts as a member of its story: what consolidation works from. */
@DefaultSchema(JavaFieldSchema.class)
public final class StoryMember {
  public final ArticleFacts facts;
  public final @Nullable String duplicateOf;

  @SchemaCreate
  public StoryMember(ArticleFacts facts, @Nullable String duplicateOf) {
    this.facts = facts;
    this.duplicateOf = duplicateOf;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof StoryMember)) {
      return false;
    }
    StoryMember m = (StoryMember) o;
    return facts.equals(m.facts) && Objects.equals(duplicateOf, m.duplicateOf);
  }

  @Override
  public int hashCode() {
    return facts.hashCode();
  }
}
