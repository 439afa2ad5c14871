package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The job writes real Parquet that a real reader (DuckDB) reads back. */
public class ParquetTablesTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void tablesReadBackWithDuckDb() throws Exception {
    Path out = temp.newFolder("out").toPath();
    StorylineOptions options = PipelineOptionsFactory.create().as(StorylineOptions.class);
    options.setInput(Fixtures.path("jsonl") + "," + Fixtures.path("bad"));
    options.setOutput(out.toString());
    PipelineResult.State state = StorylinePipeline.run(options).waitUntilFinish();
    assertEquals(PipelineResult.State.DONE, state);

    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      String stories = "'" + out.resolve("stories") + "/*.parquet'";
      String articles = "'" + out.resolve("articles") + "/*.parquet'";
      String claims = "'" + out.resolve("claims") + "/*.parquet'";
      String rejected = "'" + out.resolve("rejected") + "/*.parquet'";

      // Two events of three articles each, and the bridge story from the good lines of mixed.jsonl.
      assertEquals(8, count(sql, "SELECT count(*) FROM " + articles));
      assertEquals(8, count(sql, "SELECT count(*) FROM " + rejected));
      assertEquals(3, count(sql, "SELECT count(DISTINCT story_id) FROM " + articles));
      assertEquals(3, count(sql, "SELECT count(*) FROM " + stories));
      assertEquals(1, count(sql, "SELECT count(DISTINCT story_id) FROM " + articles
          + " WHERE article_id LIKE 'quake-%'"));
      assertEquals(1, count(sql, "SELECT count(DISTINCT story_id) FROM " + articles
          + " WHERE article_id LIKE 'merger-%'"));
      // Article counts of the stories table agree with the articles table.
      assertEquals(0, count(sql, "SELECT count(*) FROM " + stories + " s JOIN (SELECT story_id,"
          + " count(*) AS n FROM " + articles + " GROUP BY story_id) a USING (story_id)"
          + " WHERE s.article_count <> a.n"));
      // The merger's price is a claim of all three outlets.
      try (ResultSet rs = sql.executeQuery("SELECT max(support_count) FROM " + claims
          + " WHERE kind = 'money' AND value LIKE '%2.3 billion%'")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getInt(1));
      }
      // Nested and repeated columns survive: entities of a story, variants of a claim.
      assertTrue(count(sql, "SELECT count(*) FROM " + stories + ", UNNEST(entities) AS t(e)"
          + " WHERE e.name = 'Laura Chen' AND e.type = 'person'") == 1);
      assertTrue(count(sql, "SELECT count(*) FROM " + claims + ", UNNEST(variants) AS t(v)") > 0);
      // Published times are real timestamps.
      try (ResultSet rs = sql.executeQuery("SELECT typeof(published) FROM " + articles + " LIMIT 1")) {
        assertTrue(rs.next());
        assertTrue(rs.getString(1), rs.getString(1).startsWith("TIMESTAMP"));
      }
    }
  }

  @Test
  public void anEmptyTableIsStillReadable() throws Exception {
    Path out = temp.newFolder("clean").toPath();
    StorylineOptions options = PipelineOptionsFactory.create().as(StorylineOptions.class);
    options.setInput(Fixtures.path("jsonl"));
    options.setOutput(out.toString());
    StorylinePipeline.run(options).waitUntilFinish();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      assertEquals(0, count(sql, "SELECT count(*) FROM '" + out.resolve("rejected") + "/*.parquet'"));
      try (ResultSet rs = sql.executeQuery(
          "SELECT reason FROM '" + out.resolve("rejected") + "/*.parquet'")) {
        assertEquals("reason", rs.getMetaData().getColumnName(1));
      }
    }
  }

  private static long count(Statement sql, String query) throws Exception {
    try (ResultSet rs = sql.executeQuery(query)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }
}
