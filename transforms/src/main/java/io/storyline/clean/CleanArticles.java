package io.storyline.clean;

import io.storyline.metrics.StageTime;
import io.storyline.model.Article;
import io.storyline.model.InputRecord;
import io.storyline.model.RejectReason;
import io.storyline.model.Rejected;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Cleans each input record into an {@link Article}: boilerplate, chrome, banners, disclaimers,
 * link lists and repeated paragraphs go ({@link PageCleaner}); the language is taken from the
 * record or detected. A record with no article text and no title left is rejected.
 */
public final class CleanArticles extends PTransform<PCollection<InputRecord>, PCollectionTuple> {
  public static final TupleTag<Article> ARTICLES = new TupleTag<Article>() {};
  public static final TupleTag<Rejected> REJECTED = new TupleTag<Rejected>() {};

  private CleanArticles() {}

  public static CleanArticles create() {
    return new CleanArticles();
  }

  @Override
  public PCollectionTuple expand(PCollection<InputRecord> records) {
    return records.apply("CleanPages",
        ParDo.of(new CleanFn()).withOutputTags(ARTICLES, TupleTagList.of(REJECTED)));
  }

  private static final class CleanFn extends DoFn<InputRecord, Article> {
    private final Counter cleaned = Metrics.counter(CleanArticles.class, "articles");
    private final Counter headlineOnly = Metrics.counter(CleanArticles.class, "headline_only");
    private final Counter rejected = Metrics.counter(CleanArticles.class, "rejected_no_article_text");
    private final Counter cut =
        Metrics.counter(CleanArticles.class, "pages_cut_at_" + CleaningRule.PAGE_LIMIT.code());
    private final StageTime time = StageTime.of(StageTime.CLEAN);
    private transient LanguageIdentifier languages;

    @Setup
    public void setup() {
      languages = new LanguageIdentifier();
    }

    @ProcessElement
    public void process(@Element InputRecord record, MultiOutputReceiver out) {
      long start = StageTime.now();
      // Scraped one-page files get the full layout rules; text an extractor already cut down to
      // the article (JSON Lines, HTML, WARC) gets the rules that cannot hurt a short article.
      CleanedPage page =
          record.format.equals("txt")
              ? PageCleaner.clean(record.title, record.text)
              : PageCleaner.cleanArticleText(record.title, record.text);
      if (page.removedCount(CleaningRule.PAGE_LIMIT) > 0) {
        cut.inc();
      }
      String title = page.title();
      if (page.isEmpty() && (title == null || title.isBlank() || record.title == null)) {
        // A one-page file always yields some title line; without a body it is no article.
        rejected.inc();
        time.since(start);
        out.get(REJECTED)
            .output(
                Rejected.of(record.inputFile, record.record, record.articleId,
                    RejectReason.NO_ARTICLE_TEXT,
                    "nothing article-like left after cleaning (" + page.removedCounts() + ")",
                    record.text));
        return;
      }
      if (page.isEmpty()) {
        headlineOnly.inc();
      }
      String body = page.body();
      String language =
          record.language != null
              ? LanguageIdentifier.normalize(record.language)
              : languages.detect((title == null ? "" : title + "\n") + body);
      cleaned.inc();
      time.since(start);
      out.get(ARTICLES)
          .output(
              new Article(record.articleId, null, record.source, record.url, record.published,
                  title, body, language, null, record.inputFile, record.format, page.wordCount()));
    }
  }
}
