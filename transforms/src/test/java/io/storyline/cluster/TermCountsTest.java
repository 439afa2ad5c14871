package io.storyline.cluster;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.storyline.model.TermCount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;

public class TermCountsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");

  private static ArticleTerms article(String id, Instant published, String... terms) {
    return new ArticleTerms(id, published, List.of(terms), List.of(), List.of(), List.of());
  }

  @Test
  public void aRunAddsItsNewArticlesToTheEarlierCountsAndLooksUpTheEarlierMembers() {
    PCollection<ArticleTerms> fresh =
        pipeline.apply("New", Create.of(
            article("n1", NOW, "harbor", "strike", "strike"),
            article("n2", NOW, "harbor", "ferry")));
    PCollection<ArticleTerms> earlierMembers =
        pipeline.apply("Members", Create.of(article("e1", NOW.minus(Duration.standardDays(2)),
            "harbor", "ferry", "dockers")));
    Instant old = NOW.minus(Duration.standardDays(TermCounts.RETENTION_DAYS + 30));
    PCollection<TermCount> earlierCounts =
        pipeline.apply("Counts", Create.of(
            new TermCount(TermCount.ARTICLES, 40, NOW.minus(Duration.standardDays(1))),
            new TermCount("harbor", 5, NOW.minus(Duration.standardDays(2))),
            new TermCount("dockers", 1, NOW.minus(Duration.standardDays(2))),
            new TermCount("ferry", 1, NOW.minus(Duration.standardDays(2))),
            new TermCount("telegraph", 3, old),
            new TermCount("undated", 2, null)));

    TermCounts.Counted counted = TermCounts.count(fresh, earlierMembers, earlierCounts, articles(3));

    PAssert.that(counted.counts())
        .satisfies(rows -> {
          Map<String, TermCount> byTerm = new HashMap<>();
          rows.forEach(r -> byTerm.put(r.term, r));
          assertEquals(42, byTerm.get(TermCount.ARTICLES).articles);
          assertEquals(NOW, byTerm.get(TermCount.ARTICLES).lastSeen);
          assertEquals(7, byTerm.get("harbor").articles); // earlier member not counted again
          assertEquals(NOW, byTerm.get("harbor").lastSeen);
          assertEquals(1, byTerm.get("strike").articles); // once per article
          assertEquals(1, byTerm.get("dockers").articles);
          assertEquals(2, byTerm.get("undated").articles);
          assertNull(byTerm.get("undated").lastSeen);
          assertFalse("unused for longer than the retention", byTerm.containsKey("telegraph"));
          assertEquals(2, byTerm.get("ferry").articles);
          assertEquals(6, byTerm.size());
          return null;
        });
    PCollection<KV<String, Long>> frequencies =
        pipeline
            .apply("One", Create.of(0))
            .apply("ReadViews", ParDo.of(new ViewsFn(counted.frequencies(), counted.documents()))
                .withSideInputs(counted.frequencies(), counted.documents()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    // What the signatures weigh with: terms of this run's articles shared by two of the stream.
    PAssert.that(frequencies)
        .containsInAnyOrder(KV.of("documents", 42L), KV.of("harbor", 7L), KV.of("ferry", 2L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aFirstRunCountsItsOwnArticles() {
    PCollection<ArticleTerms> fresh =
        pipeline.apply(Create.of(
            article("a", null, "quake", "chile"), article("b", null, "quake", "peru")));
    TermCounts.Counted counted = TermCounts.count(fresh, null, null, articles(2));
    PAssert.that(counted.counts())
        .satisfies(rows -> {
          Map<String, Long> byTerm = new HashMap<>();
          rows.forEach(r -> byTerm.put(r.term, r.articles));
          assertEquals(Map.of(TermCount.ARTICLES, 2L, "quake", 2L, "chile", 1L, "peru", 1L), byTerm);
          return null;
        });
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void countsAreKeptForAYearAfterTheirLastUse() {
    long latest = NOW.getMillis();
    long day = Duration.standardDays(1).getMillis();
    assertTrue(TermCounts.kept(new TermCounts.Tally(1, latest - 365 * day, false), latest));
    assertFalse(TermCounts.kept(new TermCounts.Tally(1, latest - 366 * day, false), latest));
    assertTrue(TermCounts.kept(new TermCounts.Tally(1, Long.MIN_VALUE, false), latest));
  }

  private PCollectionView<Long> articles(long n) {
    return pipeline.apply("Articles", Create.of(n)).apply(View.asSingleton());
  }

  private static final class ViewsFn extends DoFn<Integer, KV<String, Long>> {
    private final PCollectionView<Map<String, Long>> frequencies;
    private final PCollectionView<Long> documents;

    ViewsFn(PCollectionView<Map<String, Long>> frequencies, PCollectionView<Long> documents) {
      this.frequencies = frequencies;
      this.documents = documents;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(KV.of("documents", c.sideInput(documents)));
      c.sideInput(frequencies).forEach((term, n) -> c.output(KV.of(term, n)));
    }
  }
}
