package io.storyline.consolidate;

import io.storyline.metrics.StageTime;
import io.storyline.model.Article;
import io.storyline.model.KeyedCoders;
import io.storyline.model.Shards;
import io.storyline.model.ArticleFacts;
import io.storyline.model.Story;
import io.storyline.model.StoryClaim;
import io.storyline.model.StoryMember;
import io.storyline.model.StoryMembership;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Joins each article with its story and consolidates every story: the articles table gains
 * {@code story_id} and {@code duplicate_of}; each story becomes one {@link Story} and its claims.
 * With {@link #withRatedOutlets()}, each story also counts its outlets by their ratings ({@link
 * OutletCoverage}), which the articles carry.
 */
public final class ConsolidateStories extends PTransform<PCollection<StoryMembership>, PCollectionTuple> {
  public static final TupleTag<Article> ARTICLES = new TupleTag<Article>() {};
  public static final TupleTag<Story> STORIES = new TupleTag<Story>() {};
  public static final TupleTag<StoryClaim> CLAIMS = new TupleTag<StoryClaim>() {};

  /** Rated articles' outlets, keyed by their story's shard. */
  private static final TupleTag<KV<String, KV<String, ArticleOutlet>>> PLACED_OUTLETS =
      new TupleTag<KV<String, KV<String, ArticleOutlet>>>() {};
  // The two sides of the join by shard: each story's members and its articles' outlets.
  private static final TupleTag<KV<String, ArticleOutlet>> OUTLETS =
      new TupleTag<KV<String, ArticleOutlet>>() {};
  private static final TupleTag<KV<String, StoryMember>> MEMBERS =
      new TupleTag<KV<String, StoryMember>>() {};

  private final PCollection<Article> articles;
  private final PCollection<ArticleFacts> facts;
  private final boolean ratedOutlets;

  private ConsolidateStories(
      PCollection<Article> articles, PCollection<ArticleFacts> facts, boolean ratedOutlets) {
    this.articles = articles;
    this.facts = facts;
    this.ratedOutlets = ratedOutlets;
  }

  /** Consolidates the given articles and their facts, grouped by the memberships applied to. */
  public static ConsolidateStories of(PCollection<Article> articles, PCollection<ArticleFacts> facts) {
    return new ConsolidateStories(articles, facts, false);
  }

  /**
   * The articles carry their outlets' ratings ({@code io.storyline.ratings.RateOutlets}): count
   * each story's outlets by bias, factuality and owner. Without it those columns stay null.
   */
  public ConsolidateStories withRatedOutlets() {
    return new ConsolidateStories(articles, facts, true);
  }

  @Override
  public PCollectionTuple expand(PCollection<StoryMembership> memberships) {
    // Each article's story is looked up in a side input rather than joined by article id: a
    // shuffle keyed per article costs some runners a bundle per article.
    PCollectionView<Map<String, StoryMembership>> storyOf =
        memberships
            .apply("KeyMemberships",
                WithKeys.of(new MembershipIdOf()).withKeyType(TypeDescriptors.strings()))
            .setCoder(KeyedCoders.of(memberships.getPipeline(), StoryMembership.class))
            .apply("MembershipView", View.asMap());
    PCollectionView<Long> articleCount =
        memberships.apply("CountArticles", Count.globally()).apply("ArticleCountView", View.asSingleton());
    PCollectionTuple placedArticles =
        articles.apply("PlaceArticlesInStories",
            ParDo.of(new PlaceArticleFn(storyOf, articleCount, ratedOutlets))
                .withSideInputs(storyOf, articleCount)
                .withOutputTags(ARTICLES, TupleTagList.of(PLACED_OUTLETS)));
    PCollection<Article> placed = placedArticles.get(ARTICLES).setCoder(articles.getCoder());
    // Empty unless the articles are rated: a run without ratings shuffles no outlets.
    PCollection<KV<String, KV<String, ArticleOutlet>>> outlets =
        placedArticles
            .get(PLACED_OUTLETS)
            .setCoder(
                KvCoder.of(StringUtf8Coder.of(),
                    KvCoder.of(StringUtf8Coder.of(), ArticleOutlet.coder())));
    PCollection<KV<String, KV<String, StoryMember>>> members =
        facts
            .apply("PlaceFactsInStories",
                ParDo.of(new PlaceFactsFn(storyOf, articleCount)).withSideInputs(storyOf, articleCount))
            .setCoder(Shards.coder(memberships.getPipeline(), StoryMember.class));

    PCollectionTuple consolidated =
        KeyedPCollectionTuple.of(MEMBERS, members)
            .and(OUTLETS, outlets)
            .apply("GroupByStory", CoGroupByKey.create())
            .apply("BuildStories",
                ParDo.of(new BuildStoryFn(ratedOutlets))
                    .withOutputTags(STORIES, TupleTagList.of(CLAIMS)));
    return PCollectionTuple.of(ARTICLES, placed)
        .and(STORIES, consolidated.get(STORIES))
        .and(CLAIMS, consolidated.get(CLAIMS));
  }

  private static final class MembershipIdOf implements SerializableFunction<StoryMembership, String> {
    @Override
    public String apply(StoryMembership m) {
      return m.articleId;
    }
  }

  private static StoryMembership membershipOf(
      Map<String, StoryMembership> storyOf, String articleId) {
    StoryMembership m = storyOf.get(articleId);
    if (m == null) {
      throw new IllegalStateException("article " + articleId + " was placed in no story");
    }
    return m;
  }

  /** Each article in its story, and, when rated, its outlet under the story's shard. */
  private static final class PlaceArticleFn extends DoFn<Article, Article> {
    private final PCollectionView<Map<String, StoryMembership>> storyOf;
    private final PCollectionView<Long> articleCount;
    private final boolean ratedOutlets;
    // Read once per bundle: the direct runner rebuilds a map side input on every access, and
    // every element of this batch job is in the global window, so one read serves the bundle.
    private transient Map<String, StoryMembership> stories;

    PlaceArticleFn(
        PCollectionView<Map<String, StoryMembership>> storyOf,
        PCollectionView<Long> articleCount,
        boolean ratedOutlets) {
      this.storyOf = storyOf;
      this.articleCount = articleCount;
      this.ratedOutlets = ratedOutlets;
    }

    @StartBundle
    public void startBundle() {
      stories = null;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (stories == null) {
        stories = c.sideInput(storyOf);
      }
      StoryMembership m = membershipOf(stories, c.element().articleId);
      c.output(c.element().inStory(m.storyId, m.duplicateOf));
      if (ratedOutlets) {
        String shard = Shards.of(m.storyId, Shards.count(c.sideInput(articleCount)));
        c.output(PLACED_OUTLETS, KV.of(shard, KV.of(m.storyId, ArticleOutlet.of(c.element()))));
      }
    }
  }

  /** Each article's facts, keyed by its story, shuffled under the story's shard. */
  private static final class PlaceFactsFn
      extends DoFn<ArticleFacts, KV<String, KV<String, StoryMember>>> {
    private final PCollectionView<Map<String, StoryMembership>> storyOf;
    private final PCollectionView<Long> articleCount;
    // Read once per bundle: the direct runner rebuilds a map side input on every access, and
    // every element of this batch job is in the global window, so one read serves the bundle.
    private transient Map<String, StoryMembership> stories;

    PlaceFactsFn(
        PCollectionView<Map<String, StoryMembership>> storyOf, PCollectionView<Long> articleCount) {
      this.storyOf = storyOf;
      this.articleCount = articleCount;
    }

    @StartBundle
    public void startBundle() {
      stories = null;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (stories == null) {
        stories = c.sideInput(storyOf);
      }
      StoryMembership m = membershipOf(stories, c.element().articleId);
      String shard = Shards.of(m.storyId, Shards.count(c.sideInput(articleCount)));
      c.output(KV.of(shard, KV.of(m.storyId, new StoryMember(c.element(), m.duplicateOf))));
    }
  }

  private static final class BuildStoryFn extends DoFn<KV<String, CoGbkResult>, Story> {
    private final Counter stories = Metrics.counter(ConsolidateStories.class, "stories");
    private final Counter contested = Metrics.counter(ConsolidateStories.class, "contested_slots");
    private final Counter blindspots = Metrics.counter(ConsolidateStories.class, "blindspots");
    private final StageTime time = StageTime.of(StageTime.CONSOLIDATE);
    private final boolean ratedOutlets;

    BuildStoryFn(boolean ratedOutlets) {
      this.ratedOutlets = ratedOutlets;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> shard, MultiOutputReceiver out) {
      Map<String, List<ArticleOutlet>> outlets = Shards.regroup(shard.getValue().getAll(OUTLETS));
      for (Map.Entry<String, List<StoryMember>> story :
          Shards.regroup(shard.getValue().getAll(MEMBERS)).entrySet()) {
        List<ArticleOutlet> storyOutlets = outlets.getOrDefault(story.getKey(), List.of());
        build(story.getKey(), story.getValue(), storyOutlets, out);
      }
    }

    private void build(
        String storyId,
        List<StoryMember> members,
        List<ArticleOutlet> outlets,
        MultiOutputReceiver out) {
      long start = StageTime.now();
      OutletCoverage coverage =
          ratedOutlets ? OutletCoverage.of(outlets) : OutletCoverage.NOT_RATED;
      StoryBuilder.Result result = StoryBuilder.build(storyId, members, coverage);
      time.since(start);
      stories.inc();
      contested.inc(result.story.contestedCount);
      if (result.story.blindspot != null) {
        blindspots.inc();
      }
      out.get(STORIES).output(result.story);
      for (StoryClaim claim : result.claims) {
        out.get(CLAIMS).output(claim);
      }
    }
  }
}
