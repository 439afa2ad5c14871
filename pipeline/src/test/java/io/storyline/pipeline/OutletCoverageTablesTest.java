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

/**
 * With a ratings file, each story's outlet counts are what its articles and the ratings give.
 * The fixture's articles name, in {@code rated_as}, the ratings row they belong to (a domain, or
 * a name for a row without one); the expected counts are computed from that and the ratings
 * file in SQL, independently of the job's matching, and compared with the Parquet it wrote.
 */
public class OutletCoverageTablesTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void everyStorysCountsAreWhatItsArticlesAndTheRatingsGive() throws Exception {
    Path out = temp.newFolder("out").toPath();
    StorylineOptions options = PipelineOptionsFactory.create().as(StorylineOptions.class);
    options.setInput(Fixtures.path("coverage"));
    options.setSourceRatings(Fixtures.path("ratings") + "/made-up-outlets.csv");
    options.setOutput(out.toString());
    assertEquals(PipelineResult.State.DONE, StorylinePipeline.run(options).waitUntilFinish());

    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      sql.execute("CREATE VIEW ratings AS SELECT * FROM read_csv('" + Fixtures.path("ratings")
          + "/made-up-outlets.csv', header = true, all_varchar = true)");
      sql.execute("CREATE VIEW corpus AS SELECT id, source, rated_as FROM read_json_auto('"
          + Fixtures.path("coverage") + "/outlets.jsonl')");
      sql.execute("CREATE VIEW articles AS SELECT * FROM '" + out.resolve("articles")
          + "/*.parquet'");
      sql.execute("CREATE VIEW stories AS SELECT * FROM '" + out.resolve("stories")
          + "/*.parquet'");
      // Each article's expected outlet and ratings row; an unrated article's outlet is its source.
      sql.execute("CREATE VIEW expected_articles AS SELECT c.id, a.story_id,"
          + " coalesce('rated:' || c.rated_as, 'source:' || coalesce(c.source, c.id)) AS outlet,"
          + " r.bias, r.factuality, r.owner,"
          + " CASE WHEN r.bias IN ('far_left', 'left', 'lean_left') THEN 'left'"
          + " WHEN r.bias = 'center' THEN 'center'"
          + " WHEN r.bias IN ('lean_right', 'right', 'far_right') THEN 'right' END AS side"
          + " FROM corpus c JOIN articles a ON a.article_id = c.id"
          + " LEFT JOIN ratings r ON r.domain = c.rated_as"
          + " OR (r.domain IS NULL AND r.name = c.rated_as)");
      sql.execute("CREATE VIEW expected AS SELECT story_id,"
          + " count(DISTINCT outlet) FILTER (WHERE side = 'left') AS l,"
          + " count(DISTINCT outlet) FILTER (WHERE side = 'center') AS c,"
          + " count(DISTINCT outlet) FILTER (WHERE side = 'right') AS r,"
          + " count(DISTINCT outlet) FILTER (WHERE side IS NULL) AS u"
          + " FROM expected_articles GROUP BY story_id");

      assertEquals(13, count(sql, "SELECT count(*) FROM expected_articles"));
      assertTrue(count(sql, "SELECT count(*) FROM stories") >= 2);
      // The fixture is built to rate most articles: a matcher that rates nothing fails here.
      assertEquals(10, count(sql, "SELECT count(*) FROM articles WHERE outlet IS NOT NULL"));
      // Every article carries its outlet's ratings.
      assertEquals(0, count(sql, "SELECT count(*) FROM expected_articles e JOIN articles a"
          + " ON a.article_id = e.id WHERE a.bias IS DISTINCT FROM e.bias"
          + " OR a.factuality IS DISTINCT FROM e.factuality OR a.owner IS DISTINCT FROM e.owner"));
      // Every story's four counts, and its blindspot by the README's rule.
      assertEquals(count(sql, "SELECT count(*) FROM stories"),
          count(sql, "SELECT count(*) FROM stories s JOIN expected e USING (story_id)"
              + " WHERE s.left_sources = e.l AND s.center_sources = e.c"
              + " AND s.right_sources = e.r AND s.unrated_sources = e.u"
              + " AND s.blindspot IS NOT DISTINCT FROM CASE WHEN e.l + e.c + e.r < 3 THEN NULL"
              + " WHEN 5 * e.l <= e.l + e.c + e.r AND 5 * e.r > e.l + e.c + e.r THEN 'left'"
              + " WHEN 5 * e.r <= e.l + e.c + e.r AND 5 * e.l > e.l + e.c + e.r THEN 'right'"
              + " END"));
      assertTrue(count(sql, "SELECT count(*) FROM stories, UNNEST(owners) AS t(o)"
          + " WHERE o.owner = 'Tidewater Media Group'") > 0);
    }
  }

  private static long count(Statement sql, String query) throws Exception {
    try (ResultSet rs = sql.executeQuery(query)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }
}
