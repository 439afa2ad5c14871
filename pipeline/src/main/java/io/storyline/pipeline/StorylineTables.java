package io.storyline.pipeline;

import io.storyline.model.Article;
import io.storyline.model.Rejected;
import io.storyline.model.Story;
import io.storyline.model.StoryClaim;
import org.apache.beam.sdk.values.PCollection;

/** The four tables the job produces, before they are written. */
public final class StorylineTables {
  public final PCollection<Story> stories;
  public final PCollection<Article> articles;
  public final PCollection<StoryClaim> claims;
  public final PCollection<Rejected> rejected;

  StorylineTables(
      PCollection<Story> stories,
      PCollection<Article> articles,
      PCollection<StoryClaim> claims,
      PCollection<Rejected> rejected) {
    this.stories = stories;
    this.articles = articles;
    this.claims = claims;
    this.rejected = rejected;
  }
}
