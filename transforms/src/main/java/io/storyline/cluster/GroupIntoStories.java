package io.storyline.cluster;

import io.storyline.metrics.StageTime;
import io.storyline.model.ArticleFacts;
import io.storyline.model.OpenStoryMember;
import io.storyline.model.Shards;
import io.storyline.model.StoryMembership;
import io.storyline.model.TermCount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.transforms.Flatten;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Groups articles into stories on event signatures, never comparing every article with every
 * other:
 *
 * <ol>
 *   <li>each article gets a signature: TF-IDF vectors of its words, title, entities and claim
 *       values (document frequencies counted over the stream, this run's articles added to the
 *       counts an earlier run wrote, see {@link TermCounts}; shared as a side input map);
 *   <li>it is filed under blocking keys, its strongest terms ({@code GroupByKey}, keys gathered
 *       into bounded shards, see {@link Shards}); inside a block
 *       each article is compared only with its nearest neighbours in time, so the work per article
 *       is bounded however large a block grows; pairs whose learned similarity ({@link
 *       SimilarityModel}) reaches its threshold become links;
 *   <li>links join articles into pieces (connected components, found by a union-find combiner);
 *   <li>each piece is split into stories by average-linkage clustering ({@link AverageLinkage}),
 *       which cannot chain, and near-copies are marked; an article with no link is a story of its
 *       own without any further shuffle.
 * </ol>
 *
 * <p>A story's id is a hash of its smallest article id: the same on any runner and sharding.
 *
 * <p>With {@link #withEarlierStories}, the open stories of an earlier run take part as formed
 * clusters: their members are signed with the same document frequencies as this run's articles,
 * filed under the same blocking keys, and each story is one cluster
 * that new articles join, or that a new article merges with another, through the same average
 * linkage. A story that continues keeps its id; the output then also holds a membership for
 * every earlier member, under the story that now holds it.
 */
public final class GroupIntoStories extends PTransform<PCollection<ArticleFacts>, PCollectionTuple> {
  /** Each article's story. */
  public static final TupleTag<StoryMembership> MEMBERSHIPS = new TupleTag<StoryMembership>() {};
  /** The stream's term counts, for the next run ({@link TermCounts}). */
  public static final TupleTag<TermCount> TERM_COUNTS = new TupleTag<TermCount>() {};
  private static final TupleTag<StoryMembership> ALONE = new TupleTag<StoryMembership>() {};
  private static final TupleTag<KV<String, KV<String, EventSignature>>> IN_PIECE =
      new TupleTag<KV<String, KV<String, EventSignature>>>() {};

  /** Prefixes a story id where it is a node of the link graph, apart from any article id. */
  private static final String STORY_NODE = "story\u0000";

  private final SimilarityModel model;
  private final @Nullable PCollection<OpenStoryMember> earlier;
  private final @Nullable PCollection<TermCount> earlierCounts;

  private GroupIntoStories(
      SimilarityModel model,
      @Nullable PCollection<OpenStoryMember> earlier,
      @Nullable PCollection<TermCount> earlierCounts) {
    this.model = model;
    this.earlier = earlier;
    this.earlierCounts = earlierCounts;
  }

  /** Grouping with the shipped similarity model. */
  public static GroupIntoStories create() {
    return new GroupIntoStories(SimilarityModel.shipped(), null, null);
  }

  /** The same grouping with another similarity model. */
  public GroupIntoStories withModel(SimilarityModel model) {
    return new GroupIntoStories(model, earlier, earlierCounts);
  }

  /**
   * The same grouping, continuing the given open stories of an earlier run, with the term counts
   * it wrote ({@link #TERM_COUNTS}; empty when it wrote none).
   */
  public GroupIntoStories withEarlierStories(
      PCollection<OpenStoryMember> open, PCollection<TermCount> counts) {
    return new GroupIntoStories(model, open, counts);
  }

  @Override
  public PCollectionTuple expand(PCollection<ArticleFacts> newFacts) {
    PCollection<ArticleTerms> newTerms = newFacts.apply("SignatureTerms", ParDo.of(new TermsFn()));
    PCollection<ArticleTerms> earlierTerms = null;
    PCollection<ArticleTerms> terms = newTerms;
    if (earlier != null) {
      earlierTerms =
          earlier.apply("EarlierTerms", ParDo.of(new EarlierTermsFn())).setCoder(newTerms.getCoder());
      terms =
          PCollectionList.of(newTerms).and(earlierTerms).apply("AllTerms", Flatten.pCollections());
    }
    // This run's articles, old and new: what the shuffles are sharded by.
    PCollectionView<Long> documents =
        terms.apply("CountArticles", Count.globally()).apply("ArticleCountView", View.asSingleton());
    TermCounts.Counted counted = TermCounts.count(newTerms, earlierTerms, earlierCounts, documents);

    PCollectionView<Map<String, String>> earlierStories = earlierStories();
    PCollection<EventSignature> signatures =
        terms.apply("BuildSignatures",
            ParDo.of(new SignFn(counted.frequencies(), counted.documents(), earlierStories))
                .withSideInputs(
                    sideInputs(counted.frequencies(), counted.documents(), earlierStories)))
            .setCoder(EventSignature.coder());

    PCollection<KV<String, String>> links =
        signatures
            .apply("FileUnderBlockingKeys",
                ParDo.of(new BlockingKeysFn(documents)).withSideInputs(documents))
            .setCoder(Shards.coder(EventSignature.coder()))
            .apply("GroupBlocks", GroupByKey.create())
            .apply("LinkWithinBlocks", ParDo.of(new LinkWithinBlockFn(model)));
    if (earlier != null) {
      // Each earlier story is one piece at least: its members are linked to a node of its own.
      links =
          PCollectionList.of(links)
              .and(earlier.apply("LinkEarlierMembers", ParDo.of(new LinkToStoryFn())))
              .apply("AllLinks", Flatten.pCollections());
    }
    PCollectionView<Map<String, String>> pieces =
        links
            .apply("JoinLinkedPieces", Combine.globally(new UnionFind()))
            .apply("PieceEntries", ParDo.of(new MapEntries<String>()))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
            .apply("PieceView", View.asMap());

    PCollectionTuple routed =
        signatures.apply("RouteToPieces",
            ParDo.of(new RouteFn(pieces, documents))
                .withSideInputs(pieces, documents)
                .withOutputTags(ALONE, TupleTagList.of(IN_PIECE)));
    PCollection<StoryMembership> clustered =
        routed
            .get(IN_PIECE)
            .setCoder(Shards.coder(EventSignature.coder()))
            .apply("GroupPieces", GroupByKey.create())
            .apply("ClusterPieces", ParDo.of(new ClusterPieceFn(model)));
    PCollection<StoryMembership> memberships =
        PCollectionList.of(routed.get(ALONE))
            .and(clustered)
            .apply("AllMemberships", Flatten.pCollections());
    return PCollectionTuple.of(MEMBERSHIPS, memberships).and(TERM_COUNTS, counted.counts());
  }

  /** Earlier members' story by article id, a side input; null without earlier stories. */
  private @Nullable PCollectionView<Map<String, String>> earlierStories() {
    if (earlier == null) {
      return null;
    }
    return earlier
        .apply("EarlierStoryOfMember", ParDo.of(new StoryOfMemberFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("EarlierStoryView", View.asMap());
  }

  private static List<PCollectionView<?>> sideInputs(
      PCollectionView<?> a, PCollectionView<?> b, @Nullable PCollectionView<?> c) {
    List<PCollectionView<?>> views = new ArrayList<>(List.of(a, b));
    if (c != null) {
      views.add(c);
    }
    return views;
  }

  private static final class EarlierTermsFn extends DoFn<OpenStoryMember, ArticleTerms> {
    @ProcessElement
    public void process(@Element OpenStoryMember member, OutputReceiver<ArticleTerms> out) {
      out.output(ArticleTerms.of(member.facts));
    }
  }

  private static final class StoryOfMemberFn extends DoFn<OpenStoryMember, KV<String, String>> {
    @ProcessElement
    public void process(@Element OpenStoryMember member, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(member.articleId(), member.storyId));
    }
  }

  private static final class LinkToStoryFn extends DoFn<OpenStoryMember, KV<String, String>> {
    @ProcessElement
    public void process(@Element OpenStoryMember member, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(member.articleId(), STORY_NODE + member.storyId));
    }
  }

  private static final class TermsFn extends DoFn<ArticleFacts, ArticleTerms> {
    @ProcessElement
    public void process(@Element ArticleFacts facts, OutputReceiver<ArticleTerms> out) {
      out.output(ArticleTerms.of(facts));
    }
  }

  private static final class SignFn extends DoFn<ArticleTerms, EventSignature> {
    private final PCollectionView<Map<String, Long>> documentFrequency;
    private final PCollectionView<Long> documents;
    private final @Nullable PCollectionView<Map<String, String>> earlierStories;
    private final StageTime time = StageTime.of(StageTime.GROUP);
    // Read once per bundle: the direct runner rebuilds a map side input on every access, and
    // every element of this batch job is in the global window, so one read serves the bundle.
    private transient Map<String, Long> frequencies;
    private transient Map<String, String> storyOf;

    SignFn(
        PCollectionView<Map<String, Long>> documentFrequency,
        PCollectionView<Long> documents,
        @Nullable PCollectionView<Map<String, String>> earlierStories) {
      this.documentFrequency = documentFrequency;
      this.documents = documents;
      this.earlierStories = earlierStories;
    }

    @StartBundle
    public void startBundle() {
      frequencies = null;
      storyOf = null;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (frequencies == null) {
        frequencies = c.sideInput(documentFrequency);
        storyOf = earlierStories == null ? Map.of() : c.sideInput(earlierStories);
      }
      long start = StageTime.now();
      EventSignature signature =
          EventSignatures.vector(c.element(), frequencies, c.sideInput(documents));
      String story = storyOf.get(signature.articleId);
      time.since(start);
      c.output(story == null ? signature : signature.inEarlierStory(story));
    }
  }

  /** Files each signature under its blocking keys, each key shuffled under its shard. */
  private static final class BlockingKeysFn
      extends DoFn<EventSignature, KV<String, KV<String, EventSignature>>> {
    private final PCollectionView<Long> documents;

    BlockingKeysFn(PCollectionView<Long> documents) {
      this.documents = documents;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      EventSignature signature = c.element().withoutFingerprint();
      List<String> keys = EventSignatures.blockingKeys(signature);
      long shards = Shards.count(c.sideInput(documents) * EventSignatures.BLOCKING_KEYS);
      for (String key : keys) {
        c.output(KV.of(Shards.of(key, shards), KV.of(key, signature)));
      }
    }
  }

  /** Compares each article of a block with its next neighbours in time order. */
  private static final class LinkWithinBlockFn
      extends DoFn<KV<String, Iterable<KV<String, EventSignature>>>, KV<String, String>> {
    private final Counter comparisons = Metrics.counter(GroupIntoStories.class, "comparisons");
    private final Counter linksFound = Metrics.counter(GroupIntoStories.class, "links");
    private final StageTime time = StageTime.of(StageTime.GROUP);
    private final SimilarityModel model;

    LinkWithinBlockFn(SimilarityModel model) {
      this.model = model;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<String, EventSignature>>> shard,
        OutputReceiver<KV<String, String>> out) {
      long start = StageTime.now();
      List<KV<String, String>> links = new ArrayList<>();
      for (List<EventSignature> block : Shards.regroup(shard.getValue()).values()) {
        EventSignatures.forEachCandidate(block, (a, b) -> {
          if (a.earlierStory != null && b.earlierStory != null) {
            return; // an earlier run decided on these two; only a new article can join them
          }
          comparisons.inc();
          if (EventSignatures.linked(a, b, model)) {
            linksFound.inc();
            links.add(KV.of(a.articleId, b.articleId));
          }
        });
      }
      time.since(start);
      links.forEach(out::output);
    }
  }

  /** An article with no link is a story alone; the others go to their piece. */
  private static final class RouteFn extends DoFn<EventSignature, StoryMembership> {
    private final PCollectionView<Map<String, String>> pieces;
    private final PCollectionView<Long> documents;
    // Read once per bundle: the direct runner rebuilds a map side input on every access, and
    // every element of this batch job is in the global window, so one read serves the bundle.
    private transient Map<String, String> pieceOf;

    RouteFn(PCollectionView<Map<String, String>> pieces, PCollectionView<Long> documents) {
      this.pieces = pieces;
      this.documents = documents;
    }

    @StartBundle
    public void startBundle() {
      pieceOf = null;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (pieceOf == null) {
        pieceOf = c.sideInput(pieces);
      }
      EventSignature signature = c.element();
      String piece = pieceOf.get(signature.articleId);
      if (piece == null) {
        String story =
            signature.earlierStory != null ? signature.earlierStory : StoryIds.of(signature.articleId);
        c.output(ALONE, new StoryMembership(signature.articleId, story, null));
      } else {
        long shards = Shards.count(c.sideInput(documents));
        c.output(IN_PIECE, KV.of(Shards.of(piece, shards), KV.of(piece, signature)));
      }
    }
  }

  private static final class ClusterPieceFn
      extends DoFn<KV<String, Iterable<KV<String, EventSignature>>>, StoryMembership> {
    private final Distribution pieceSize = Metrics.distribution(GroupIntoStories.class, "piece_size");
    private final Counter copies = Metrics.counter(GroupIntoStories.class, "near_copies");
    private final StageTime time = StageTime.of(StageTime.GROUP);
    private final SimilarityModel model;

    ClusterPieceFn(SimilarityModel model) {
      this.model = model;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<String, EventSignature>>> shard,
        OutputReceiver<StoryMembership> out) {
      for (List<EventSignature> piece : Shards.regroup(shard.getValue()).values()) {
        cluster(piece, out);
      }
    }

    private void cluster(List<EventSignature> members, OutputReceiver<StoryMembership> out) {
      long start = StageTime.now();
      pieceSize.update(members.size());
      List<AverageLinkage.Story> stories = new AverageLinkage(model).cluster(members);
      time.since(start);
      for (AverageLinkage.Story story : stories) {
        String storyId = storyId(story.members());
        for (EventSignature member : story.members()) {
          // An earlier member's copy link was written with its article: consolidation keeps it.
          String original =
              member.earlierStory == null ? story.originals().get(member.articleId) : null;
          if (original != null) {
            copies.inc();
          }
          out.output(new StoryMembership(member.articleId, storyId, original));
        }
      }
    }
  }

  /**
   * A new story's id hashes its smallest article id. A story that continues earlier ones keeps
   * the id of the largest of them (the smaller id on a tie); the others are merged into it.
   */
  static String storyId(List<EventSignature> members) {
    Map<String, Integer> earlierSizes = new HashMap<>();
    for (EventSignature m : members) {
      if (m.earlierStory != null) {
        earlierSizes.merge(m.earlierStory, 1, Integer::sum);
      }
    }
    if (earlierSizes.isEmpty()) {
      return StoryIds.of(
          Collections.min(members, (x, y) -> x.articleId.compareTo(y.articleId)).articleId);
    }
    String best = null;
    for (Map.Entry<String, Integer> e : earlierSizes.entrySet()) {
      if (best == null
          || e.getValue() > earlierSizes.get(best)
          || (e.getValue().equals(earlierSizes.get(best)) && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
      }
    }
    return best;
  }
}
