package io.storyline.pipeline;

import io.storyline.model.Article;
import io.storyline.model.OpenStoryMember;
import io.storyline.model.Rejected;
import io.storyline.model.Story;
import io.storyline.model.StoryClaim;
import io.storyline.model.TermCount;
import org.apache.beam.sdk.values.PCollection;

/**
 * The four tables the job produces, before they are written, and the state the next run
 * continues from (the open stories' members and the stream's term counts), which only the
 * Parquet output keeps.
 */
public final class StorylineTables {
  public final PCollection<Story> stories;
  public final PCollection<Article> articles;
  public final PCollection<StoryClaim> claims;
  public final PCollection<Rejected> rejected;
  public final PCollection<OpenStoryMember> state;
  /** The stream's document frequencies, which the next run adds its articles to. */
  public final PCollection<TermCount> termCounts;

  StorylineTables(
      PCollection<Story> stories,
      PCollection<Article> articles,
      PCollection<StoryClaim> claims,
      PCollection<Rejected> rejected,
      PCollection<OpenStoryMember> state,
      PCollection<TermCount> termCounts) {
    this.stories = stories;
    this.articles = articles;
    this.claims = claims;
    this.rejected = rejected;
    this.state = state;
    this.termCounts = termCounts;
  }
}
