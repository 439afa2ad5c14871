package io.storyline.evaluation;

import io.storyline.io.ParquetTableReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The story the pipeline gave each article: the {@code article_id}, {@code story_id} and {@code
 * title} columns of every {@code articles/*.parquet} file of a pipeline output folder.
 */
final class PredictedStories {
  static final String TABLE = "articles";

  /** Article id to story id (null where the row has none), in file order. */
  final Map<String, String> storyOf;

  /** Article id to title, where the row has one. */
  final Map<String, String> titleOf;

  /** Article id to publication time in epoch milliseconds, where the row has one. */
  final Map<String, Long> publishedOf;

  /** Parquet files read. */
  final List<Path> files;

  /** Rows that repeat an article id already read; the first row is kept. */
  final int repeatedRows;

  private PredictedStories(
      Map<String, String> storyOf,
      Map<String, String> titleOf,
      Map<String, Long> publishedOf,
      List<Path> files,
      int repeatedRows) {
    this.storyOf = Collections.unmodifiableMap(storyOf);
    this.titleOf = Collections.unmodifiableMap(titleOf);
    this.publishedOf = Collections.unmodifiableMap(publishedOf);
    this.files = Collections.unmodifiableList(files);
    this.repeatedRows = repeatedRows;
  }

  /**
   * Reads {@code outputDir/articles/*.parquet}.
   *
   * @throws IllegalArgumentException if there is no such file, or a file has no {@code article_id}
   *     or {@code story_id} column
   */
  static PredictedStories read(Path outputDir) throws IOException {
    List<Path> files = ParquetTableReader.files(outputDir, TABLE);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No " + TABLE + "/*.parquet file under " + outputDir);
    }
    Map<String, String> storyOf = new LinkedHashMap<>();
    Map<String, String> titleOf = new HashMap<>();
    Map<String, Long> publishedOf = new HashMap<>();
    int[] repeated = {0};
    ParquetTableReader.read(
        files,
        row -> {
          if (row.getSchema().getField("article_id") == null
              || row.getSchema().getField("story_id") == null) {
            throw new IllegalArgumentException(
                "a file has no article_id or story_id column: " + row.getSchema());
          }
          String id = string(row.get("article_id"));
          if (id == null) {
            throw new IllegalArgumentException("a row has no article_id");
          }
          if (storyOf.containsKey(id)) {
            repeated[0]++;
            return;
          }
          storyOf.put(id, string(row.get("story_id")));
          String title =
              row.getSchema().getField("title") == null ? null : string(row.get("title"));
          if (title != null) {
            titleOf.put(id, title);
          }
          // Beam writes a DATETIME as Avro timestamp-millis: a long without logical conversion.
          Object published =
              row.getSchema().getField("published") == null ? null : row.get("published");
          if (published instanceof Number millis) {
            publishedOf.put(id, millis.longValue());
          }
        });
    return new PredictedStories(storyOf, titleOf, publishedOf, files, repeated[0]);
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
