package io.storyline.cluster;

import io.storyline.model.Shards;
import io.storyline.model.TermCount;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The document frequencies that weigh the signatures' terms, counted over the stream, not only
 * over one run: a run adds its new articles' terms to the counts an earlier run wrote ({@link
 * TermCount}, the {@code document_frequencies} table beside the state) and writes the sums for the
 * next. A night of a few dozen articles then weighs its terms as one run over all the nights
 * would, instead of by its own few documents. Members of earlier stories are not counted again
 * (their run counted them), but their terms are looked up like the new articles'.
 *
 * <p>Two steps. This run's terms are counted by one global combine into a map (one per bundle,
 * merged), as large as this run's vocabulary, whose entries are then shared one by one. Only
 * with earlier counts are these entries summed with them by term, per shard of terms ({@link
 * Shards}, a map per shard key), so the earlier vocabulary never meets in one record or one
 * worker. The side input the signatures read holds only the terms this run's articles use,
 * shared by at least two articles of the stream (a term of one article links nothing). A dated
 * term no article has used for {@link #RETENTION_DAYS} days before the latest article is dropped
 * from the table, so what a nightly schedule carries grows with the vocabulary of a year, not with
 * all history.
 */
final class TermCounts {
  /** Days after the last article using a term that its count is kept for the next run. */
  static final int RETENTION_DAYS = 365;
  private static final long NEVER = Long.MIN_VALUE;

  /** What the signatures read, and the counts to write for the next run. */
  record Counted(
      PCollectionView<Map<String, Long>> frequencies,
      PCollectionView<Long> documents,
      PCollection<TermCount> counts) {}

  /** A term's count in the combine: articles using it, the latest of their times, whether used now. */
  record Tally(long articles, long lastSeen, boolean used) {
    Tally plus(Tally o) {
      return new Tally(articles + o.articles, Math.max(lastSeen, o.lastSeen), used || o.used);
    }
  }

  private static final Coder<Map<String, Tally>> SUMS =
      MapCoder.of(StringUtf8Coder.of(), TallyCoder.INSTANCE);
  private static final KvCoder<String, Tally> ENTRY =
      KvCoder.of(StringUtf8Coder.of(), TallyCoder.INSTANCE);

  private TermCounts() {}

  /**
   * Counts the terms of this run's new articles onto the earlier counts (none on a first run);
   * the earlier members' terms ({@code earlierTerms}, may be null) are looked up, not counted.
   * {@code articles} (this run's, old and new) sets the number of shards.
   */
  static Counted count(
      PCollection<ArticleTerms> newTerms,
      @Nullable PCollection<ArticleTerms> earlierTerms,
      @Nullable PCollection<TermCount> earlierCounts,
      PCollectionView<Long> articles) {
    KvCoder<Boolean, ArticleTerms> marked = KvCoder.of(BooleanCoder.of(), newTerms.getCoder());
    PCollection<KV<Boolean, ArticleTerms>> terms =
        newTerms.apply("MarkNew", WithKeys.of(true)).setCoder(marked);
    if (earlierTerms != null) {
      terms =
          PCollectionList.of(terms)
              .and(earlierTerms.apply("MarkEarlier", WithKeys.of(false)).setCoder(marked))
              .apply("AllTerms", Flatten.pCollections());
    }
    PCollection<KV<String, Tally>> totals =
        terms
            .apply("CountTerms", Combine.globally(new CountFn()))
            .apply("TermEntries", ParDo.of(new MapEntries<Tally>()))
            .setCoder(ENTRY);
    if (earlierCounts != null) {
      KvCoder<String, KV<String, Tally>> sharded = KvCoder.of(StringUtf8Coder.of(), ENTRY);
      totals =
          PCollectionList.of(totals)
              .and(earlierCounts.apply("EarlierEntries", ParDo.of(new EntryFn())).setCoder(ENTRY))
              .apply("AllEntries", Flatten.pCollections())
              .apply("ShardTerms", ParDo.of(new ShardFn(articles)).withSideInputs(articles))
              .setCoder(sharded)
              .apply("SumByTerm", Combine.perKey(new SumFn()))
              .apply("ShardSums", Values.create())
              .setCoder(SUMS)
              .apply("SumEntries", ParDo.of(new MapEntries<Tally>()))
              .setCoder(ENTRY);
    }
    PCollection<Tally> articlesRow =
        totals.apply("ArticlesTally", ParDo.of(new ArticlesRowFn())).setCoder(TallyCoder.INSTANCE);
    PCollectionView<Tally> all =
        articlesRow.apply(
            "ArticlesView", View.<Tally>asSingleton().withDefaultValue(new Tally(0, NEVER, false)));
    PCollectionView<Map<String, Long>> frequencies =
        totals
            .apply("SharedTermsInUse", ParDo.of(new SharedInUseFn()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            .apply("DocumentFrequencyView", View.asMap());
    PCollectionView<Long> documents =
        articlesRow
            .apply("ArticlesCount", MapElements.into(TypeDescriptors.longs()).via(Tally::articles))
            .apply("DocumentsView", View.<Long>asSingleton().withDefaultValue(0L));
    PCollection<TermCount> counts =
        totals.apply("KeptCounts", ParDo.of(new KeptCountFn(all)).withSideInputs(all));
    return new Counted(frequencies, documents, counts);
  }

  /** Document frequencies of one corpus counted alone, the terms of two articles or more. */
  static Map<String, Long> shared(List<ArticleTerms> corpus) {
    Map<String, Long> counts = new HashMap<>();
    for (ArticleTerms article : corpus) {
      for (String term : EventSignatures.corpusTerms(article)) {
        counts.merge(term, 1L, Long::sum);
      }
    }
    counts.values().removeIf(n -> n < 2);
    return counts;
  }

  /** Whether a count is kept for the next run, given the latest time of the whole stream. */
  static boolean kept(Tally term, long latest) {
    return term.lastSeen == NEVER
        || latest == NEVER
        || term.lastSeen >= latest - Duration.standardDays(RETENTION_DAYS).getMillis();
  }

  /** A combine of tallies into a map by term; the kinds differ only in what they add. */
  private abstract static class TallyMapFn<InputT>
      extends Combine.CombineFn<InputT, Map<String, Tally>, Map<String, Tally>> {
    @Override
    public Map<String, Tally> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<String, Tally> mergeAccumulators(Iterable<Map<String, Tally>> accumulators) {
      Map<String, Tally> merged = null;
      for (Map<String, Tally> sums : accumulators) {
        if (merged == null) {
          merged = sums;
        } else {
          for (Map.Entry<String, Tally> e : sums.entrySet()) {
            merged.merge(e.getKey(), e.getValue(), Tally::plus);
          }
        }
      }
      return merged == null ? new HashMap<>() : merged;
    }

    @Override
    public Map<String, Tally> extractOutput(Map<String, Tally> sums) {
      return sums;
    }

    @Override
    public Coder<Map<String, Tally>> getAccumulatorCoder(
        CoderRegistry registry, Coder<InputT> inputCoder) {
      return SUMS;
    }

    @Override
    public Coder<Map<String, Tally>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<InputT> inputCoder) {
      return SUMS;
    }
  }

  /**
   * This run's terms in one map: each new article counts once per term, with its time; an earlier
   * member only marks its terms as used. The corpus's combine: one map per bundle, merged.
   */
  private static final class CountFn extends TallyMapFn<KV<Boolean, ArticleTerms>> {
    @Override
    public Map<String, Tally> addInput(Map<String, Tally> sums, KV<Boolean, ArticleTerms> marked) {
      boolean counted = marked.getKey();
      ArticleTerms article = marked.getValue();
      long time = article.published == null ? NEVER : article.published.getMillis();
      Tally tally = counted ? new Tally(1, time, true) : new Tally(0, NEVER, true);
      for (String term : EventSignatures.corpusTerms(article)) {
        sums.merge(term, tally, Tally::plus);
      }
      if (counted) {
        sums.merge(TermCount.ARTICLES, new Tally(1, time, false), Tally::plus);
      }
      return sums;
    }
  }

  private static final class EntryFn extends DoFn<TermCount, KV<String, Tally>> {
    @ProcessElement
    public void process(@Element TermCount count, OutputReceiver<KV<String, Tally>> out) {
      long time = count.lastSeen == null ? NEVER : count.lastSeen.getMillis();
      out.output(KV.of(count.term, new Tally(count.articles, time, false)));
    }
  }

  /** A term's tally under the shard of its term: about one shard per thousands of articles. */
  private static final class ShardFn extends DoFn<KV<String, Tally>, KV<String, KV<String, Tally>>> {
    private final PCollectionView<Long> articles;

    ShardFn(PCollectionView<Long> articles) {
      this.articles = articles;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      long shards = Shards.count(c.sideInput(articles));
      c.output(KV.of(Shards.of(c.element().getKey(), shards), c.element()));
    }
  }

  /** Sums a shard's tallies by term into one map. */
  private static final class SumFn extends TallyMapFn<KV<String, Tally>> {
    @Override
    public Map<String, Tally> addInput(Map<String, Tally> sums, KV<String, Tally> tally) {
      sums.merge(tally.getKey(), tally.getValue(), Tally::plus);
      return sums;
    }
  }

  private static final class ArticlesRowFn extends DoFn<KV<String, Tally>, Tally> {
    @ProcessElement
    public void process(@Element KV<String, Tally> total, OutputReceiver<Tally> out) {
      if (total.getKey().equals(TermCount.ARTICLES)) {
        out.output(total.getValue());
      }
    }
  }

  private static final class SharedInUseFn extends DoFn<KV<String, Tally>, KV<String, Long>> {
    @ProcessElement
    public void process(@Element KV<String, Tally> total, OutputReceiver<KV<String, Long>> out) {
      Tally t = total.getValue();
      if (t.used() && t.articles() >= 2 && !total.getKey().equals(TermCount.ARTICLES)) {
        out.output(KV.of(total.getKey(), t.articles()));
      }
    }
  }

  private static final class KeptCountFn extends DoFn<KV<String, Tally>, TermCount> {
    private final PCollectionView<Tally> all;

    KeptCountFn(PCollectionView<Tally> all) {
      this.all = all;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Tally t = c.element().getValue();
      if (t.articles() > 0 && kept(t, c.sideInput(all).lastSeen())) {
        c.output(new TermCount(c.element().getKey(), t.articles(),
            t.lastSeen() == NEVER ? null : new Instant(t.lastSeen())));
      }
    }
  }

  /** A tally in three fields: shuffled once per term and worker. */
  static final class TallyCoder extends AtomicCoder<Tally> {
    static final TallyCoder INSTANCE = new TallyCoder();

    @Override
    public void encode(Tally t, OutputStream out) throws IOException {
      VarLongCoder.of().encode(t.articles(), out);
      BigEndianLongCoder.of().encode(t.lastSeen(), out);
      BooleanCoder.of().encode(t.used(), out);
    }

    @Override
    public Tally decode(InputStream in) throws IOException {
      return new Tally(VarLongCoder.of().decode(in), BigEndianLongCoder.of().decode(in),
          BooleanCoder.of().decode(in));
    }

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
