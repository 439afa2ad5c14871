package io.storyline.model;

import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * One article of a story still open for new articles: one row of the {@code state} table, which
 * the next run reads back ({@code --previousOutput}) to continue the story. It keeps what
 * grouping and consolidation need of the article (its facts, its copy link, its rated outlet),
 * not its text.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class OpenStoryMember {
  @SchemaFieldName("story_id")
  public final String storyId;

  @SchemaFieldName("facts")
  public final ArticleFacts facts;

  @SchemaFieldName("duplicate_of")
  public final @Nullable String duplicateOf;

  /** The rated outlet and its ratings, as the article's row has them; null when not rated. */
  @SchemaFieldName("outlet")
  public final @Nullable String outlet;

  @SchemaFieldName("bias")
  public final @Nullable String bias;

  @SchemaFieldName("factuality")
  public final @Nullable String factuality;

  @SchemaFieldName("owner")
  public final @Nullable String owner;

  /** The story's last publication time when the row was written: when it closes. */
  @SchemaFieldName("story_last_published")
  public final @Nullable Instant storyLastPublished;

  @SchemaCreate
  public OpenStoryMember(
      String storyId,
      ArticleFacts facts,
      @Nullable String duplicateOf,
      @Nullable String outlet,
      @Nullable String bias,
      @Nullable String factuality,
      @Nullable String owner,
      @Nullable Instant storyLastPublished) {
    this.storyId = storyId;
    this.facts = facts;
    this.duplicateOf = duplicateOf;
    this.outlet = outlet;
    this.bias = bias;
    this.factuality = factuality;
    this.owner = owner;
    this.storyLastPublished = storyLastPublished;
  }

  public String articleId() {
    return facts.articleId;
  }

  /** The same member with these facts. */
  public OpenStoryMember withFacts(ArticleFacts newFacts) {
    return new OpenStoryMember(storyId, newFacts, duplicateOf, outlet, bias, factuality, owner,
        storyLastPublished);
  }

  /** The same member as a row of the state of {@code story}, last published at {@code last}. */
  public OpenStoryMember inStory(String story, @Nullable Instant last) {
    return new OpenStoryMember(story, facts, duplicateOf, outlet, bias, factuality, owner, last);
  }
}
