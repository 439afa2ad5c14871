package io.storyline.ratings;

import io.storyline.metrics.StageTime;
import io.storyline.model.Article;
import java.util.List;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Gives each article its outlet's ratings ({@link OutletMatcher}): {@code outlet}, {@code bias},
 * {@code factuality} and {@code owner}, left empty where no outlet matches. The ratings are a
 * side input (a ratings file is small: thousands of outlets). Counts the articles and the
 * distinct outlets matched and unmatched; an article without a source is an outlet of its own,
 * as in a story's source count.
 */
public final class RateOutlets extends PTransform<PCollection<Article>, PCollection<Article>> {
  private final List<OutletRating> ratings;

  private RateOutlets(List<OutletRating> ratings) {
    this.ratings = ratings;
  }

  /** Rates articles by these outlets ({@link SourceRatings#read}). */
  public static RateOutlets with(List<OutletRating> ratings) {
    if (ratings == null) {
      throw new IllegalArgumentException("ratings are null");
    }
    return new RateOutlets(List.copyOf(ratings));
  }

  @Override
  public PCollection<Article> expand(PCollection<Article> articles) {
    PCollectionView<List<OutletRating>> view =
        articles
            .getPipeline()
            .apply("ReadRatings", Create.of(ratings).withCoder(OutletRating.coder()))
            .apply("RatingsView", View.asList());
    PCollection<Article> rated =
        articles
            .apply("MatchOutlets", ParDo.of(new RateFn(view)).withSideInputs(view))
            .setCoder(articles.getCoder());
    rated
        .apply("OutletOf", MapElements.via(new OutletOf()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), BooleanCoder.of()))
        .apply("DistinctOutlets", Distinct.create())
        .apply("CountOutlets", ParDo.of(new CountOutletsFn()));
    return rated;
  }

  private static final class RateFn extends DoFn<Article, Article> {
    private final PCollectionView<List<OutletRating>> ratings;
    private final Counter matched = Metrics.counter(RateOutlets.class, "articles_rated");
    private final Counter unmatched = Metrics.counter(RateOutlets.class, "articles_unrated");
    private final StageTime time = StageTime.of(StageTime.RATE);
    // Built once per bundle: the side input is one list for the whole (globally windowed) job.
    private transient OutletMatcher matcher;

    RateFn(PCollectionView<List<OutletRating>> ratings) {
      this.ratings = ratings;
    }

    @StartBundle
    public void startBundle() {
      matcher = null;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      long start = StageTime.now();
      if (matcher == null) {
        matcher = new OutletMatcher(c.sideInput(ratings));
      }
      Article a = c.element();
      OutletRating r = matcher.match(a.url, a.source);
      time.since(start);
      if (r == null) {
        unmatched.inc();
        c.output(a);
        return;
      }
      matched.inc();
      c.output(
          a.ratedAs(r.outlet(),
              r.bias() == null ? null : r.bias().label(),
              r.factuality() == null ? null : r.factuality().label(),
              r.owner()));
    }
  }

  /** The article's outlet, and whether it is a rated one. */
  private static final class OutletOf extends SimpleFunction<Article, KV<String, Boolean>> {
    @Override
    public KV<String, Boolean> apply(Article a) {
      return a.outlet != null ? KV.of(a.outlet, true) : KV.of(a.sourceOrId(), false);
    }
  }

  private static final class CountOutletsFn extends DoFn<KV<String, Boolean>, Void> {
    private final Counter matched = Metrics.counter(RateOutlets.class, "outlets_matched");
    private final Counter unmatched = Metrics.counter(RateOutlets.class, "outlets_unmatched");

    @ProcessElement
    public void process(@Element KV<String, Boolean> outlet) {
      (outlet.getValue() ? matched : unmatched).inc();
    }
  }
}
