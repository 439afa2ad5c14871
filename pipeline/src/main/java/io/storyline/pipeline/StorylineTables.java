package io.storyline.pipeline;

import io.storyline.model.Article;
import io.storyline.model.OpenStoryMember;
import io.storyline.model.Rejected;
import io.storyline.model.Story;
import io.storyline.model.StoryClaim;
import org.apache.beam.sdk.values.PCollection;

/**
 * The four tables the job produces, before they are written, and the state the next run
 * continues from (the open stories' members), which only the Parquet output keeps.
 */
public final class StorylineTables {
  public final PCollection<Story> stories;
  public final PCollection<Article> articles;
  public final PCollection<StoryClaim> claims;
  public final PCollection<Rejected> rejected;
  public final PCollection<OpenStoryMember> state;

  StorylineTables(
      PCollection<Story> stories,
      PCollection<Article> articles,
      PCollection<StoryClaim> claims,
      PCollection<Rejected> rejected,
      PCollection<OpenStoryMember> state) {
    this.stories = stories;
    this.articles = articles;
    this.claims = claims;
    this.rejected = rejected;
    this.state = state;
  }
}
