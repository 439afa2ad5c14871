package io.storyline.cluster;

import io.storyline.extract.Fingerprint;
import io.storyline.model.ArticleFacts;
import io.storyline.model.KeyedCoders;
import io.storyline.model.StoryMembership;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Groups articles into stories on event signatures, never comparing every article with every
 * other:
 *
 * <ol>
 *   <li>each article gets a TF-IDF signature over its title and lead (document frequencies are a
 *       corpus-wide count, shared as a side input);
 *   <li>it is filed under blocking keys, its strongest terms ({@code GroupByKey});
 *   <li>inside a block, each article is compared only with its nearest neighbours in time, so the
 *       work per article is bounded however large a block grows; similar pairs become links;
 *   <li>near-copies found through MinHash bands are linked too, and marked as copies;
 *   <li>the linked pieces found under different keys are joined by a fixed number of rounds of
 *       minimum-label propagation; a story's id is a hash of its smallest article id, the same on
 *       any runner and any sharding.
 * </ol>
 */
public final class GroupIntoStories
    extends PTransform<PCollection<ArticleFacts>, PCollection<StoryMembership>> {
  /** Rounds of label propagation: pieces further apart than this many links stay apart. */
  static final int PROPAGATION_ROUNDS = 8;
  /** MinHash positions per band; a band key matches when all of its positions agree. */
  static final int BAND_ROWS = 4;
  /** Estimated Jaccard similarity from which an article counts as a copy of an earlier one. */
  static final double COPY_SIMILARITY = 0.8;
  /** A band shared by more articles than this is boilerplate, not syndication. */
  static final int MAX_BAND_SIZE = 200;

  private GroupIntoStories() {}

  public static GroupIntoStories create() {
    return new GroupIntoStories();
  }

  @Override
  public PCollection<StoryMembership> expand(PCollection<ArticleFacts> facts) {
    PCollectionView<Map<String, Long>> documentFrequency =
        facts
            .apply("DistinctTerms", ParDo.of(new DistinctTermsFn()))
            .apply("CountDocumentsPerTerm", Count.perElement())
            .apply("KeepSharedTerms", Filter.by(new SharedTerm()))
            .apply("DocumentFrequencyView", View.asMap());
    PCollectionView<Long> documents =
        facts.apply("CountArticles", Count.globally()).apply("ArticleCountView", View.asSingleton());

    PCollection<KV<String, String>> similar =
        facts
            .apply("BuildSignatures",
                ParDo.of(new VectorizeFn(documentFrequency, documents))
                    .withSideInputs(documentFrequency, documents))
            .apply("FileUnderBlockingKeys", ParDo.of(new BlockingKeysFn()))
            .setCoder(KeyedCoders.of(facts.getPipeline(), TermVector.class))
            .apply("GroupBlocks", GroupByKey.create())
            .apply("LinkWithinBlocks", ParDo.of(new LinkWithinBlockFn()));

    PCollection<KV<String, String>> copies =
        facts
            .apply("FileUnderBands", ParDo.of(new BandKeysFn()))
            .setCoder(KeyedCoders.of(facts.getPipeline(), ArticleFacts.class))
            .apply("GroupBands", GroupByKey.create())
            .apply("FindCopies", ParDo.of(new FindCopiesFn()))
            .apply("EarliestOriginal", Combine.perKey(new EarliestOriginal()));

    PCollection<KV<String, String>> links =
        PCollectionList.of(similar)
            .and(copies.apply("CopiesAsLinks", ParDo.of(new OrderedPairFn())))
            .apply("AllLinks", Flatten.pCollections())
            .apply("DistinctLinks", Distinct.create());

    PCollection<KV<String, String>> neighbours =
        links.apply("BothDirections", ParDo.of(new BothDirectionsFn()));
    PCollection<KV<String, String>> labels =
        facts.apply("OwnLabels", ParDo.of(new OwnLabelFn()));
    for (int round = 1; round <= PROPAGATION_ROUNDS; round++) {
      labels = propagate(labels, neighbours, round);
    }

    TupleTag<String> labelTag = new TupleTag<>();
    TupleTag<String> originalTag = new TupleTag<>();
    return KeyedPCollectionTuple.of(labelTag, labels)
        .and(originalTag, copies)
        .apply("JoinLabelsAndCopies", CoGroupByKey.create())
        .apply("AssignStories", ParDo.of(new AssignStoryFn(labelTag, originalTag)));
  }

  private static PCollection<KV<String, String>> propagate(
      PCollection<KV<String, String>> labels, PCollection<KV<String, String>> neighbours, int round) {
    TupleTag<String> labelTag = new TupleTag<>();
    TupleTag<String> neighbourTag = new TupleTag<>();
    return KeyedPCollectionTuple.of(labelTag, labels)
        .and(neighbourTag, neighbours)
        .apply("JoinNeighbours" + round, CoGroupByKey.create())
        .apply("SendLabels" + round, ParDo.of(new SendLabelFn(labelTag, neighbourTag)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("SmallestLabel" + round, Combine.perKey(new SmallestString()));
  }

  private static final class DistinctTermsFn extends DoFn<ArticleFacts, String> {
    @ProcessElement
    public void process(@Element ArticleFacts facts, OutputReceiver<String> out) {
      for (String term : new HashSet<>(facts.terms)) {
        out.output(term);
      }
    }
  }

  private static final class SharedTerm implements SerializableFunction<KV<String, Long>, Boolean> {
    @Override
    public Boolean apply(KV<String, Long> termCount) {
      return termCount.getValue() >= 2;
    }
  }

  private static final class VectorizeFn extends DoFn<ArticleFacts, TermVector> {
    private final PCollectionView<Map<String, Long>> documentFrequency;
    private final PCollectionView<Long> documents;

    VectorizeFn(PCollectionView<Map<String, Long>> documentFrequency, PCollectionView<Long> documents) {
      this.documentFrequency = documentFrequency;
      this.documents = documents;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(
          StorySignatures.vector(
              c.element(), c.sideInput(documentFrequency), c.sideInput(documents)));
    }
  }

  private static final class BlockingKeysFn extends DoFn<TermVector, KV<String, TermVector>> {
    @ProcessElement
    public void process(@Element TermVector vector, OutputReceiver<KV<String, TermVector>> out) {
      for (String key : StorySignatures.blockingKeys(vector)) {
        out.output(KV.of(key, vector));
      }
    }
  }

  /** Compares each article of a block with its next neighbours in time order. */
  private static final class LinkWithinBlockFn
      extends DoFn<KV<String, Iterable<TermVector>>, KV<String, String>> {
    private final Counter comparisons = Metrics.counter(GroupIntoStories.class, "comparisons");
    private final Counter linksFound = Metrics.counter(GroupIntoStories.class, "links");

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<TermVector>> block, OutputReceiver<KV<String, String>> out) {
      List<TermVector> members = new ArrayList<>();
      block.getValue().forEach(members::add);
      members.sort(StorySignatures.TIME_ORDER);
      for (int i = 0; i < members.size(); i++) {
        TermVector a = members.get(i);
        int end = Math.min(members.size(), i + 1 + StorySignatures.BLOCK_WINDOW);
        for (int j = i + 1; j < end; j++) {
          TermVector b = members.get(j);
          comparisons.inc();
          if (StorySignatures.linked(a, b)) {
            linksFound.inc();
            out.output(ordered(a.articleId, b.articleId));
          }
        }
      }
    }
  }

  private static KV<String, String> ordered(String a, String b) {
    return a.compareTo(b) <= 0 ? KV.of(a, b) : KV.of(b, a);
  }

  private static final class BandKeysFn extends DoFn<ArticleFacts, KV<String, ArticleFacts>> {
    @ProcessElement
    public void process(@Element ArticleFacts facts, OutputReceiver<KV<String, ArticleFacts>> out) {
      List<Long> fp = facts.fingerprint;
      for (int band = 0; band + BAND_ROWS <= fp.size(); band += BAND_ROWS) {
        long h = band;
        for (int r = band; r < band + BAND_ROWS; r++) {
          h = h * 1_000_003L + fp.get(r);
        }
        out.output(KV.of(band + ":" + Long.toHexString(h), facts));
      }
    }
  }

  /** Within a band: each article that copies an earlier one yields (copy, "time|original"). */
  private static final class FindCopiesFn
      extends DoFn<KV<String, Iterable<ArticleFacts>>, KV<String, String>> {
    @ProcessElement
    public void process(
        @Element KV<String, Iterable<ArticleFacts>> band, OutputReceiver<KV<String, String>> out) {
      List<ArticleFacts> members = new ArrayList<>();
      for (ArticleFacts f : band.getValue()) {
        members.add(f);
        if (members.size() > MAX_BAND_SIZE) {
          return;
        }
      }
      if (members.size() < 2) {
        return;
      }
      members.sort(
          (x, y) -> {
            int c = Long.compare(timeOf(x), timeOf(y));
            return c != 0 ? c : x.articleId.compareTo(y.articleId);
          });
      Set<String> done = new HashSet<>();
      for (int i = 0; i < members.size(); i++) {
        ArticleFacts original = members.get(i);
        for (int j = i + 1; j < members.size(); j++) {
          ArticleFacts copy = members.get(j);
          if (!done.contains(copy.articleId)
              && Fingerprint.similarity(original.fingerprint, copy.fingerprint) >= COPY_SIMILARITY) {
            done.add(copy.articleId);
            out.output(KV.of(copy.articleId, orderKey(original)));
          }
        }
      }
    }
  }

  private static long timeOf(ArticleFacts f) {
    return f.published == null ? Long.MAX_VALUE : f.published.getMillis();
  }

  /** Sorts as time then id, as a string: "00000001690000000000|id". */
  private static String orderKey(ArticleFacts f) {
    return String.format("%020d|%s", timeOf(f), f.articleId);
  }

  private static String idOfOrderKey(String key) {
    return key.substring(key.indexOf('|') + 1);
  }

  /** Keeps the earliest original of a copy. */
  private static final class EarliestOriginal implements SerializableFunction<Iterable<String>, String> {
    @Override
    public String apply(Iterable<String> candidates) {
      String min = null;
      for (String c : candidates) {
        if (min == null || c.compareTo(min) < 0) {
          min = c;
        }
      }
      return min;
    }
  }

  private static final class SmallestString implements SerializableFunction<Iterable<String>, String> {
    @Override
    public String apply(Iterable<String> values) {
      String min = null;
      for (String v : values) {
        if (min == null || v.compareTo(min) < 0) {
          min = v;
        }
      }
      return min;
    }
  }

  private static final class OrderedPairFn extends DoFn<KV<String, String>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, String> copy, OutputReceiver<KV<String, String>> out) {
      out.output(ordered(copy.getKey(), idOfOrderKey(copy.getValue())));
    }
  }

  private static final class BothDirectionsFn extends DoFn<KV<String, String>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, String> link, OutputReceiver<KV<String, String>> out) {
      out.output(link);
      out.output(KV.of(link.getValue(), link.getKey()));
    }
  }

  private static final class OwnLabelFn extends DoFn<ArticleFacts, KV<String, String>> {
    @ProcessElement
    public void process(@Element ArticleFacts facts, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(facts.articleId, facts.articleId));
    }
  }

  /** Sends a node's label to itself and to each neighbour. */
  private static final class SendLabelFn extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    private final TupleTag<String> labelTag;
    private final TupleTag<String> neighbourTag;

    SendLabelFn(TupleTag<String> labelTag, TupleTag<String> neighbourTag) {
      this.labelTag = labelTag;
      this.neighbourTag = neighbourTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> node, OutputReceiver<KV<String, String>> out) {
      String label = node.getValue().getOnly(labelTag, null);
      if (label == null) {
        return;
      }
      out.output(KV.of(node.getKey(), label));
      for (String neighbour : node.getValue().getAll(neighbourTag)) {
        out.output(KV.of(neighbour, label));
      }
    }
  }

  private static final class AssignStoryFn extends DoFn<KV<String, CoGbkResult>, StoryMembership> {
    private final TupleTag<String> labelTag;
    private final TupleTag<String> originalTag;
    private final Counter copiesFound = Metrics.counter(GroupIntoStories.class, "near_copies");

    AssignStoryFn(TupleTag<String> labelTag, TupleTag<String> originalTag) {
      this.labelTag = labelTag;
      this.originalTag = originalTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> article, OutputReceiver<StoryMembership> out) {
      String label = article.getValue().getOnly(labelTag, null);
      if (label == null) {
        return;
      }
      @Nullable String original = article.getValue().getOnly(originalTag, null);
      if (original != null) {
        copiesFound.inc();
      }
      out.output(
          new StoryMembership(
              article.getKey(), StoryIds.of(label), original == null ? null : idOfOrderKey(original)));
    }
  }
}
