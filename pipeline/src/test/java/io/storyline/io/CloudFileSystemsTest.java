package io.storyline.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.apache.beam.sdk.extensions.gcp.storage.GcsResourceId;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code gs://} and {@code s3://} paths are handled by Beam's filesystems for them, not refused
 * with "No filesystem found for scheme". Nothing here reaches the network: naming and resolving
 * a resource is local.
 */
public class CloudFileSystemsTest {
  @BeforeClass
  public static void registerFileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  @Test
  public void gcsPathsResolveThroughTheGcsFileSystem() {
    ResourceId folder = FileSystems.matchNewResource("gs://news-bucket/storyline/date=2025-07-31/", true);
    assertTrue(folder.getClass().getName(), folder instanceof GcsResourceId);
    assertEquals("gs", folder.getScheme());
    ResourceId table =
        folder
            .resolve("stories", StandardResolveOptions.RESOLVE_DIRECTORY)
            .resolve("part-00000-of-00001.parquet", StandardResolveOptions.RESOLVE_FILE);
    assertEquals(
        "gs://news-bucket/storyline/date=2025-07-31/stories/part-00000-of-00001.parquet",
        table.toString());
    assertFalse(table.isDirectory());
  }

  @Test
  public void gcsFilePathsAreFilesNotFolders() {
    ResourceId file = FileSystems.matchNewResource("gs://news-bucket/in/date=2025-07-31/a.jsonl", false);
    assertTrue(file instanceof GcsResourceId);
    assertEquals("a.jsonl", file.getFilename());
    assertEquals("gs://news-bucket/in/date=2025-07-31/", file.getCurrentDirectory().toString());
  }

  @Test
  public void s3PathsResolveThroughTheS3FileSystem() {
    ResourceId folder = FileSystems.matchNewResource("s3://news-bucket/storyline/", true);
    // S3ResourceId is package-private: check the class by name.
    assertEquals("org.apache.beam.sdk.io.aws2.s3.S3ResourceId", folder.getClass().getName());
    assertEquals("s3", folder.getScheme());
    assertEquals(
        "s3://news-bucket/storyline/claims/",
        folder.resolve("claims", StandardResolveOptions.RESOLVE_DIRECTORY).toString());
  }
}
