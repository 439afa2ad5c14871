package io.storyline.ratings;

import static org.junit.Assert.assertEquals;

import io.storyline.model.Article;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;

public class RateOutletsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static Article article(String id, String source, String url) {
    return new Article(id, null, source, url, null, "Title " + id, "Body of " + id + ".", "en",
        null, "in.jsonl", "jsonl", 3);
  }

  @Test
  public void articlesGetTheirOutletsRatingsAndOutletsAreCounted() throws Exception {
    List<OutletRating> ratings =
        List.of(
            new OutletRating("harbor.example", "Harbor Gazette", Bias.LEAN_LEFT,
                Factuality.HIGH, "Tidewater Media", "US"),
            new OutletRating(null, "Ridgeline Report", Bias.RIGHT, null, null, null));
    List<Article> articles =
        List.of(
            article("a1", "Harbor Gazette", "https://edition.harbor.example/a1"),
            article("a2", null, "https://www.harbor.example/a2"),
            article("a3", "ridgeline report", null),
            article("a4", "Town Crier", "https://towncrier.example/a4"),
            article("a5", "Town Crier", null),
            article("a6", null, null));
    PCollection<Article> rated =
        pipeline
            .apply(Create.of(articles).withCoder(articleCoder()))
            .apply(RateOutlets.with(ratings));
    List<Article> expected = new ArrayList<>();
    expected.add(articles.get(0).ratedAs("harbor.example", "lean_left", "high", "Tidewater Media"));
    expected.add(articles.get(1).ratedAs("harbor.example", "lean_left", "high", "Tidewater Media"));
    expected.add(articles.get(2).ratedAs("Ridgeline Report", "right", null, null));
    expected.addAll(articles.subList(3, 6));
    PAssert.that(rated).containsInAnyOrder(expected);
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertEquals(3, counter(result, "articles_rated"));
    assertEquals(3, counter(result, "articles_unrated"));
    // harbor.example and Ridgeline Report; Town Crier and the sourceless a6.
    assertEquals(2, counter(result, "outlets_matched"));
    assertEquals(2, counter(result, "outlets_unmatched"));
  }

  @Test
  public void noRatingsRateNothing() throws Exception {
    Article a = article("a1", "Harbor Gazette", "https://harbor.example/a1");
    PCollection<Article> rated =
        pipeline
            .apply(Create.of(a).withCoder(articleCoder()))
            .apply(RateOutlets.with(List.of()));
    PAssert.that(rated).containsInAnyOrder(a);
    pipeline.run().waitUntilFinish();
  }

  private SchemaCoder<Article> articleCoder() throws NoSuchSchemaException {
    return pipeline.getSchemaRegistry().getSchemaCoder(Article.class);
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c :
        result.metrics().queryMetrics(
            MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.named(RateOutlets.class, name))
                .build())
            .getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}
