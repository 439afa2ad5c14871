package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.storyline.model.Article;
import io.storyline.model.Rejected;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Bad input never fails the job and is never lost: inputs = articles + rejected rows. */
public class BadInputTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void everyBadRecordEndsAsARejectedRowWithItsReason() throws IOException {
    Path big = temp.newFile("huge-page.txt").toPath();
    writeSentences(big, 50L << 20);
    StorylineOptions options = pipeline.getOptions().as(StorylineOptions.class);
    options.setInput(Fixtures.path("bad") + "," + big);
    StorylineTables tables = StorylinePipeline.buildPipeline(pipeline, options);

    PAssert.that(tables.rejected)
        .satisfies(
            rows -> {
              Map<String, String> reasonByRecord = new HashMap<>();
              for (Rejected r : rows) {
                String name = r.inputFile.substring(r.inputFile.lastIndexOf('/') + 1);
                reasonByRecord.put(name + "#" + r.record, r.reason);
                assertTrue(r.toString(), !r.detail.isEmpty());
              }
              Map<String, String> expected = new HashMap<>();
              expected.put("empty.txt#0", "empty_input");
              expected.put("image.txt#0", "binary_content");
              expected.put("latin1.txt#0", "invalid_encoding");
              expected.put("banner-only.txt#0", "no_article_text");
              expected.put("notes.csv#0", "unsupported_format");
              expected.put("huge-page.txt#0", "too_large");
              expected.put("mixed.jsonl#2", "malformed_json");
              expected.put("mixed.jsonl#4", "malformed_json");
              expected.put("mixed.jsonl#5", "missing_text");
              assertEquals(expected, reasonByRecord);
              return null;
            });
    PAssert.that(tables.articles)
        .satisfies(
            articles -> {
              Set<String> ids = new HashSet<>();
              for (Article a : articles) {
                ids.add(a.articleId);
              }
              assertEquals(new HashSet<>(Arrays.asList("ok-1", "ok-2")), ids);
              return null;
            });
    // 10 records in the fixture files (the blank JSON line is not one) and the huge page.
    PAssert.thatSingleton(
            PCollectionList.of(
                    tables.articles.apply("ArticleIds",
                        MapElements.into(TypeDescriptors.strings()).via(a -> a.articleId)))
                .and(tables.rejected.apply("RejectedIds",
                    MapElements.into(TypeDescriptors.strings()).via(r -> r.inputFile + "#" + r.record)))
                .apply(Flatten.pCollections())
                .apply(Count.globally()))
        .isEqualTo(11L);
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aRepeatedArticleIdIsRejectedOnce() throws IOException {
    Path copy = temp.newFile("again.jsonl").toPath();
    Files.writeString(copy,
        "{\"id\": \"ok-1\", \"title\": \"Same id, other file\", \"text\": \"Some text here.\"}\n");
    StorylineOptions options = pipeline.getOptions().as(StorylineOptions.class);
    options.setInput(Fixtures.path("bad") + "/mixed.jsonl," + copy);
    StorylineTables tables = StorylinePipeline.buildPipeline(pipeline, options);
    PAssert.that(tables.rejected)
        .satisfies(
            rows -> {
              int duplicates = 0;
              for (Rejected r : rows) {
                if (r.reason.equals("duplicate_id")) {
                  duplicates++;
                  assertEquals("ok-1", r.articleId);
                }
              }
              assertEquals(1, duplicates);
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  private static void writeSentences(Path file, long bytes) throws IOException {
    byte[] line =
        "The council met again on Tuesday to discuss the harbour budget for next year.\n"
            .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < bytes; written += line.length) {
        out.write(line);
      }
    }
  }
}
