package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** How --input becomes file patterns: folders stand for every file in them. */
public class InputPatternsTest {
  @Test
  public void aLocalFolderIsEveryFileInIt() {
    String sample = Fixtures.path("sample");
    assertEquals(List.of(sample + "/*"), StorylinePipeline.inputPatterns(sample));
    assertEquals(List.of(sample + "/*"), StorylinePipeline.inputPatterns(sample + "/"));
  }

  @Test
  public void aRemoteFolderEndsInASlash() {
    assertEquals(
        List.of("gs://news/raw/date=2025-07-31/*"),
        StorylinePipeline.inputPatterns("gs://news/raw/date=2025-07-31/"));
    assertEquals(
        List.of("gs://news/raw/date=2025-07-31/*"),
        StorylinePipeline.inputPatterns("gs://news/raw/date=2025-07-31/*"));
    // Without the slash it is a file name: Beam cannot tell an object from a folder unasked.
    assertEquals(
        List.of("gs://news/raw/date=2025-07-31"),
        StorylinePipeline.inputPatterns("gs://news/raw/date=2025-07-31"));
  }

  @Test
  public void patternsAreCommaSeparated() {
    assertEquals(
        List.of("gs://a/x/*.jsonl", "s3://b/y/*", "gs://c/*.warc.gz"),
        StorylinePipeline.inputPatterns(" gs://a/x/*.jsonl, s3://b/y/ ,,gs://c/*.warc.gz"));
  }
}
