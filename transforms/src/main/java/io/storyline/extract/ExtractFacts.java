package io.storyline.extract;

import io.storyline.metrics.StageTime;
import io.storyline.model.Article;
import io.storyline.model.ArticleFacts;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/** Extracts entities, claims and signature terms from each cleaned article. */
public final class ExtractFacts extends PTransform<PCollection<Article>, PCollection<ArticleFacts>> {
  private ExtractFacts() {}

  public static ExtractFacts create() {
    return new ExtractFacts();
  }

  @Override
  public PCollection<ArticleFacts> expand(PCollection<Article> articles) {
    return articles.apply("AnalyzeArticles", ParDo.of(new AnalyzeFn()));
  }

  private static final class AnalyzeFn extends DoFn<Article, ArticleFacts> {
    private final Counter failed = Metrics.counter(ExtractFacts.class, "analysis_failed");
    private final Distribution claims = Metrics.distribution(ExtractFacts.class, "claims_per_article");
    private final StageTime time = StageTime.of(StageTime.EXTRACT);
    private transient ArticleAnalyzer analyzer;

    @Setup
    public void setup() {
      analyzer = new ArticleAnalyzer();
    }

    @ProcessElement
    public void process(@Element Article article, OutputReceiver<ArticleFacts> out) {
      long start = StageTime.now();
      ArticleFacts facts;
      try {
        facts = analyzer.analyze(article);
      } catch (RuntimeException e) {
        // The article stays in its story on its title alone rather than failing the bundle.
        failed.inc();
        facts =
            new ArticleFacts(article.articleId, article.sourceOrId(), article.published,
                article.title, "", List.of(), List.of(), List.of(), List.of(), List.of());
      }
      claims.update(facts.claims.size());
      time.since(start);
      out.output(facts);
    }
  }
}
