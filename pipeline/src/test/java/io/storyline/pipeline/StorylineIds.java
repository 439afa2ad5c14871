package io.storyline.pipeline;

import io.storyline.cluster.StoryIds;

/** Expected ids, computed from their definition rather than pasted from a run. */
final class StorylineIds {
  /** A story's id hashes its smallest article id; the sample's is its first file's base name. */
  static final String SAMPLE_STORY_ID = StoryIds.of("000_4b16e2f9338553e1");

  private StorylineIds() {}
}
