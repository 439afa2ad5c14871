package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.storyline.clean.CleanArticles;
import io.storyline.clean.PageCleaner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The hostile corpus ({@link HostileCorpus}) through the whole job: it finishes, every file ends as
 * exactly the rows it must (articles plus rejected rows, read back from the Parquet tables), and no
 * article is larger than the cleaner examines. Pages are 1 MiB here, with the size limit set to
 * match; {@code scripts/hostile-benchmark.sh} runs the same corpus at the 10 MiB default.
 */
public class HostileInputTest {
  private static final int PAGE_BYTES = 1 << 20;

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void hostileInputEndsAsArticlesAndRejectedRowsAndNothingElse() throws Exception {
    Path corpus = temp.newFolder("hostile").toPath();
    List<HostileCorpus.Page> pages = HostileCorpus.write(corpus, PAGE_BYTES);
    Path out = temp.newFolder("out").toPath();
    StorylineOptions options = PipelineOptionsFactory.create().as(StorylineOptions.class);
    options.setInput(corpus.toString());
    options.setOutput(out.toString());
    options.setMaxRecordBytes(PAGE_BYTES);
    // As main runs the job: the direct runner's per-element copy checks would re-encode every
    // megabyte page at every step.
    StorylinePipeline.relaxDirectRunnerChecks(options, new String[0]);
    OptionChecks.check(options);
    PipelineResult result = StorylinePipeline.run(options);
    assertEquals(PipelineResult.State.DONE, result.waitUntilFinish());

    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      String articles = "'" + out.resolve("articles") + "/*.parquet'";
      String rejected = "'" + out.resolve("rejected") + "/*.parquet'";
      Map<String, Long> rows = new TreeMap<>();
      try (ResultSet rs = sql.executeQuery(
          "SELECT regexp_extract(input_file, '[^/]+$') AS file, count(*) FROM (SELECT input_file"
              + " FROM " + articles + " UNION ALL SELECT input_file FROM " + rejected
              + ") GROUP BY file")) {
        while (rs.next()) {
          rows.put(rs.getString(1), rs.getLong(2));
        }
      }
      // Every file, and every record of a file, is one article or one rejected row.
      assertEquals(pages.size(), rows.size());
      long inputs = 0;
      for (HostileCorpus.Page page : pages) {
        long got = rows.getOrDefault(page.file(), 0L);
        assertTrue(page + ": " + got, got >= page.minRows() && got <= page.maxRows());
        inputs += got;
      }
      assertEquals(inputs, count(sql, "SELECT count(*) FROM " + articles)
          + count(sql, "SELECT count(*) FROM " + rejected));
      // The lines read before the gzip cut are articles, from the first on, none skipped.
      long broken = rows.get("broken.jsonl.gz") - 1;
      assertEquals(broken, count(sql, "SELECT count(*) FROM " + articles
          + " WHERE article_id IN (SELECT 'broken-' || i FROM range(" + broken + ") t(i))"));

      Map<String, String> reasons = new HashMap<>();
      try (ResultSet rs = sql.executeQuery("SELECT regexp_extract(input_file, '[^/]+$'), reason,"
          + " record FROM " + rejected)) {
        while (rs.next()) {
          reasons.merge(rs.getString(1), rs.getString(2) + "@" + rs.getLong(3),
              (a, b) -> a + "," + b);
        }
      }
      assertEquals("too_large@0", reasons.get("bomb.txt.gz"));
      assertEquals("too_large@1", reasons.get("bomb.jsonl.gz"));
      // The bomb's one line is not read to its end: the reading stops a bounded way past the limit.
      assertTrue(count(sql, "SELECT count(*) FROM " + rejected + " WHERE input_file LIKE"
          + " '%bomb.jsonl.gz' AND detail LIKE '%the rest of the file was not read'") == 1);
      assertEquals("binary_content@0", reasons.get("binary.txt"));
      // The archived page over the limit is one row; the page after it is read.
      assertTrue(reasons.get("huge-record.warc.gz"),
          reasons.get("huge-record.warc.gz").startsWith("too_large@"));
      assertEquals(1, count(sql, "SELECT count(*) FROM " + articles
          + " WHERE input_file LIKE '%huge-record.warc.gz'"));
      // After a line of one huge string, the next line is an article.
      assertEquals(1, count(sql, "SELECT count(*) FROM " + articles
          + " WHERE article_id = 'after-huge-string'"));
      // Nesting and unclosed tags do not hide the paragraph that opens the page.
      for (String page : List.of("deep-nesting", "unclosed-tags")) {
        assertEquals(page, 1, count(sql, "SELECT count(*) FROM " + articles + " WHERE article_id"
            + " = '" + page + "' AND body LIKE '%The council met again on Tuesday%'"));
      }
      assertEquals("unreadable@-1", reasons.get("noise.html.gz"));
      // A .gz that is not compressed is read as it is.
      assertEquals(1, count(sql, "SELECT count(*) FROM " + articles + " WHERE article_id = 'fake'"));
      // The lines before the cut are articles; the rest of the file is one unreadable row.
      assertEquals("unreadable@-1", reasons.get("broken.jsonl.gz"));
      assertTrue(reasons.get("truncated.warc.gz"),
          reasons.get("truncated.warc.gz").startsWith("unreadable@"));

      // The run-on pages are articles, none larger than what the cleaner examines.
      for (String page : List.of("no-punctuation", "one-sentence", "repeated-paragraph")) {
        assertEquals(page, 1, count(sql, "SELECT count(*) FROM " + articles
            + " WHERE article_id = '" + page + "'"));
      }
      assertTrue(count(sql, "SELECT max(length(body)) FROM " + articles)
          <= PageCleaner.MAX_PAGE_CHARS);
      // 50,000 copies of a paragraph are one paragraph.
      assertEquals(1, count(sql, "SELECT count(*) FROM " + articles
          + " WHERE article_id = 'repeated-paragraph' AND body NOT LIKE '%' || chr(10) || '%'"));
    }

    // The four text pages are larger than the cleaner examines, and are counted as cut.
    long cut = 0;
    for (MetricResult<Long> counter :
        result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(CleanArticles.class, "pages_cut_at_page_limit"))
            .build()).getCounters()) {
      cut += counter.getAttempted();
    }
    assertTrue("cut pages: " + cut, cut >= 4);
  }

  private static long count(Statement sql, String query) throws Exception {
    try (ResultSet rs = sql.executeQuery(query)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }
}
