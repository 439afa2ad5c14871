package io.storyline.model;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Which story an article belongs to, and which article it copies, if any. */
@DefaultSchema(JavaFieldSchema.class)
public final class StoryMembership {
  public final String articleId;
  public final String storyId;
  public final @Nullable String duplicateOf;

  @SchemaCreate
  public StoryMembership(String articleId, String storyId, @Nullable String duplicateOf) {
    this.articleId = articleId;
    this.storyId = storyId;
    this.duplicateOf = duplicateOf;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof StoryMembership)) {
      return false;
    }
    StoryMembership m = (StoryMembership) o;
    return articleId.equals(m.articleId) && storyId.equals(m.storyId)
        && Objects.equals(duplicateOf, m.duplicateOf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(articleId, storyId, duplicateOf);
  }

  @Override
  public String toString() {
    return articleId + "→" + storyId + (duplicateOf != null ? " (copy of " + duplicateOf + ")" : "");
  }
}
