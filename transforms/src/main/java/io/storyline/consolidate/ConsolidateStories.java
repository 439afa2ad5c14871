package io.storyline.consolidate;

import io.storyline.metrics.StageTime;
import io.storyline.model.Article;
import io.storyline.model.KeyedCoders;
import io.storyline.model.Shards;
import io.storyline.model.ArticleFacts;
import io.storyline.model.OpenStoryMember;
import io.storyline.model.Story;
import io.storyline.model.StoryClaim;
import io.storyline.model.StoryMember;
import io.storyline.model.StoryMembership;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
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
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Joins each article with its story and consolidates every story: the articles table gains
 * {@code story_id} and {@code duplicate_of}; each story becomes one {@link Story} and its claims.
 * With {@link #withRatedOutlets()}, each story also counts its outlets by their ratings ({@link
 * OutletCoverage}), which the articles carry.
 *
 * <p>With {@link #withEarlierStories}, the memberships also place the members of open stories of
 * an earlier run: a story this run's articles joined or created is consolidated over all its
 * members, earlier ones included, and a story an article merged into another gets a row of its
 * own with {@code merged_into}. A story no article of this run touched gets no row. With {@link
 * #withOpenStories}, every story still open at the run's reference time, touched or not, is
 * written to {@link #STATE}: what the next run continues.
 */
public final class ConsolidateStories extends PTransform<PCollection<StoryMembership>, PCollectionTuple> {
  public static final TupleTag<Article> ARTICLES = new TupleTag<Article>() {};
  public static final TupleTag<Story> STORIES = new TupleTag<Story>() {};
  public static final TupleTag<StoryClaim> CLAIMS = new TupleTag<StoryClaim>() {};
  public static final TupleTag<OpenStoryMember> STATE = new TupleTag<OpenStoryMember>() {};

  /** Rated articles' outlets, keyed by their story's shard. */
  private static final TupleTag<KV<String, KV<String, ArticleOutlet>>> PLACED_OUTLETS =
      new TupleTag<KV<String, KV<String, ArticleOutlet>>>() {};
  // The two sides of the join by shard: each story's members and its articles' outlets.
  private static final TupleTag<KV<String, ArticleOutlet>> OUTLETS =
      new TupleTag<KV<String, ArticleOutlet>>() {};
  private static final TupleTag<KV<String, PlacedMember>> MEMBERS =
      new TupleTag<KV<String, PlacedMember>>() {};

  private final PCollection<Article> articles;
  private final PCollection<ArticleFacts> facts;
  private final boolean ratedOutlets;
  private final @Nullable PCollection<OpenStoryMember> earlier;
  private final @Nullable PCollectionView<Long> referenceTime;
  private final Duration window;

  private ConsolidateStories(
      PCollection<Article> articles,
      PCollection<ArticleFacts> facts,
      boolean ratedOutlets,
      @Nullable PCollection<OpenStoryMember> earlier,
      @Nullable PCollectionView<Long> referenceTime,
      Duration window) {
    this.articles = articles;
    this.facts = facts;
    this.ratedOutlets = ratedOutlets;
    this.earlier = earlier;
    this.referenceTime = referenceTime;
    this.window = window;
  }

  /** Consolidates the given articles and their facts, grouped by the memberships applied to. */
  public static ConsolidateStories of(PCollection<Article> articles, PCollection<ArticleFacts> facts) {
    return new ConsolidateStories(articles, facts, false, null, null,
        Duration.standardDays(OpenStories.DEFAULT_WINDOW_DAYS));
  }

  /**
   * The articles carry their outlets' ratings ({@code io.storyline.ratings.RateOutlets}): count
   * each story's outlets by bias, factuality and owner. Without it those columns stay null.
   */
  public ConsolidateStories withRatedOutlets() {
    return new ConsolidateStories(articles, facts, true, earlier, referenceTime, window);
  }

  /** The open stories of an earlier run, as grouping continued them (see the class comment). */
  public ConsolidateStories withEarlierStories(PCollection<OpenStoryMember> open) {
    return new ConsolidateStories(articles, facts, ratedOutlets, open, referenceTime, window);
  }

  /**
   * Writes the stories open at this reference time, those last published at most {@code window}
   * before it ({@link OpenStories}), to {@link #STATE}.
   */
  public ConsolidateStories withOpenStories(PCollectionView<Long> reference, Duration window) {
    if (window.getMillis() < 0) {
      throw new IllegalArgumentException("the window of open stories is negative: " + window);
    }
    return new ConsolidateStories(articles, facts, ratedOutlets, earlier, reference, window);
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
    PCollection<KV<String, KV<String, PlacedMember>>> members =
        facts
            .apply("PlaceFactsInStories",
                ParDo.of(new PlaceFactsFn(storyOf, articleCount)).withSideInputs(storyOf, articleCount))
            .setCoder(Shards.coder(PlacedMember.coder(memberships.getPipeline())));
    if (earlier != null) {
      PCollection<KV<String, KV<String, PlacedMember>>> earlierMembers =
          earlier
              .apply("PlaceEarlierMembers",
                  ParDo.of(new PlaceEarlierFn(storyOf, articleCount))
                      .withSideInputs(storyOf, articleCount))
              .setCoder(members.getCoder());
      members =
          PCollectionList.of(members).and(earlierMembers).apply("AllMembers", Flatten.pCollections());
    }

    ParDo.MultiOutput<KV<String, CoGbkResult>, Story> build =
        ParDo.of(new BuildStoryFn(ratedOutlets, referenceTime, window))
            .withOutputTags(STORIES, TupleTagList.of(CLAIMS).and(STATE));
    if (referenceTime != null) {
      build = build.withSideInputs(referenceTime);
    }
    PCollectionTuple consolidated =
        KeyedPCollectionTuple.of(MEMBERS, members)
            .and(OUTLETS, outlets)
            .apply("GroupByStory", CoGroupByKey.create())
            .apply("BuildStories", build);
    return PCollectionTuple.of(ARTICLES, placed)
        .and(STORIES, consolidated.get(STORIES))
        .and(CLAIMS, consolidated.get(CLAIMS))
        .and(STATE, consolidated.get(STATE));
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
      extends DoFn<ArticleFacts, KV<String, KV<String, PlacedMember>>> {
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
      OpenStoryMember member =
          new OpenStoryMember(m.storyId, c.element(), m.duplicateOf, null, null, null, null, null);
      c.output(KV.of(shard, KV.of(m.storyId, new PlacedMember(false, member))));
    }
  }

  /** Each earlier member, keyed by the story that holds it now (its own, or the one it merged into). */
  private static final class PlaceEarlierFn
      extends DoFn<OpenStoryMember, KV<String, KV<String, PlacedMember>>> {
    private final PCollectionView<Map<String, StoryMembership>> storyOf;
    private final PCollectionView<Long> articleCount;
    // Read once per bundle: the direct runner rebuilds a map side input on every access, and
    // every element of this batch job is in the global window, so one read serves the bundle.
    private transient Map<String, StoryMembership> stories;

    PlaceEarlierFn(
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
      StoryMembership m = membershipOf(stories, c.element().articleId());
      String shard = Shards.of(m.storyId, Shards.count(c.sideInput(articleCount)));
      c.output(KV.of(shard, KV.of(m.storyId, new PlacedMember(true, c.element()))));
    }
  }

  private static final class BuildStoryFn extends DoFn<KV<String, CoGbkResult>, Story> {
    private final Counter stories = Metrics.counter(ConsolidateStories.class, "stories");
    private final Counter continued = Metrics.counter(ConsolidateStories.class, "stories_continued");
    private final Counter merged = Metrics.counter(ConsolidateStories.class, "stories_merged");
    private final Counter contested = Metrics.counter(ConsolidateStories.class, "contested_slots");
    private final Counter blindspots = Metrics.counter(ConsolidateStories.class, "blindspots");
    private final Counter open = Metrics.counter(ConsolidateStories.class, "open_stories");
    private final StageTime time = StageTime.of(StageTime.CONSOLIDATE);
    private final boolean ratedOutlets;
    private final @Nullable PCollectionView<Long> referenceTime;
    private final Duration window;

    BuildStoryFn(
        boolean ratedOutlets, @Nullable PCollectionView<Long> referenceTime, Duration window) {
      this.ratedOutlets = ratedOutlets;
      this.referenceTime = referenceTime;
      this.window = window;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      KV<String, CoGbkResult> shard = c.element();
      Long reference = referenceTime == null ? null : c.sideInput(referenceTime);
      Map<String, List<ArticleOutlet>> outlets = Shards.regroup(shard.getValue().getAll(OUTLETS));
      for (Map.Entry<String, List<PlacedMember>> story :
          Shards.regroup(shard.getValue().getAll(MEMBERS)).entrySet()) {
        List<ArticleOutlet> storyOutlets = outlets.getOrDefault(story.getKey(), List.of());
        build(story.getKey(), story.getValue(), storyOutlets, reference, c);
      }
    }

    private void build(
        String storyId,
        List<PlacedMember> placed,
        List<ArticleOutlet> newOutlets,
        @Nullable Long reference,
        ProcessContext c) {
      long start = StageTime.now();
      Map<String, ArticleOutlet> outletOf = new HashMap<>();
      newOutlets.forEach(o -> outletOf.put(o.articleId(), o));
      boolean touched = false;
      List<StoryMember> members = new ArrayList<>();
      List<ArticleOutlet> outlets = new ArrayList<>(newOutlets);
      // Earlier stories held by this one, by their own id: a merge when it is not this story's.
      Map<String, List<StoryMember>> earlierStories = new TreeMap<>();
      Map<String, List<ArticleOutlet>> earlierOutlets = new HashMap<>();
      Instant last = null;
      for (PlacedMember p : placed) {
        StoryMember member = new StoryMember(p.member.facts, p.member.duplicateOf);
        members.add(member);
        Instant published = p.member.facts.published;
        if (published != null && (last == null || published.isAfter(last))) {
          last = published;
        }
        if (!p.earlier) {
          touched = true;
          continue;
        }
        ArticleOutlet outlet = ArticleOutlet.of(p.member);
        outlets.add(outlet);
        if (!p.member.storyId.equals(storyId)) {
          earlierStories.computeIfAbsent(p.member.storyId, k -> new ArrayList<>()).add(member);
          earlierOutlets.computeIfAbsent(p.member.storyId, k -> new ArrayList<>()).add(outlet);
        }
      }
      Instant asOf =
          reference == null || reference == OpenStories.NO_REFERENCE ? null : new Instant(reference);
      if (touched) {
        StoryBuilder.Result result = StoryBuilder.build(storyId, members, coverage(outlets));
        stories.inc();
        if (placed.stream().anyMatch(p -> p.earlier)) {
          continued.inc();
        }
        contested.inc(result.story.contestedCount);
        if (result.story.blindspot != null) {
          blindspots.inc();
        }
        c.output(STORIES, result.story.asOf(asOf));
        for (StoryClaim claim : result.claims) {
          c.output(CLAIMS, claim.asOf(asOf));
        }
        // The absorbed stories' last rows: their own members, and the story that continues them.
        for (Map.Entry<String, List<StoryMember>> absorbed : earlierStories.entrySet()) {
          merged.inc();
          Story row =
              StoryBuilder.build(absorbed.getKey(), absorbed.getValue(),
                      coverage(earlierOutlets.get(absorbed.getKey())))
                  .story;
          c.output(STORIES, row.mergedInto(storyId).asOf(asOf));
        }
      }
      if (reference != null && OpenStories.open(last, reference, window)) {
        open.inc();
        for (PlacedMember p : placed) {
          OpenStoryMember row = p.member;
          if (!p.earlier) {
            ArticleOutlet o = outletOf.get(row.articleId());
            row =
                new OpenStoryMember(storyId, row.facts, row.duplicateOf,
                    o == null ? null : o.outlet(), o == null ? null : o.bias(),
                    o == null ? null : o.factuality(), o == null ? null : o.owner(), last);
          }
          c.output(STATE, row.inStory(storyId, last));
        }
      }
      time.since(start);
    }

    private OutletCoverage coverage(List<ArticleOutlet> outlets) {
      return ratedOutlets ? OutletCoverage.of(outlets) : OutletCoverage.NOT_RATED;
    }
  }
}
