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
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
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
 */
public final class ConsolidateStories extends PTransform<PCollection<StoryMembership>, PCollectionTuple> {
  public static final TupleTag<Article> ARTICLES = new TupleTag<Article>() {};
  public static final TupleTag<Story> STORIES = new TupleTag<Story>() {};
  public static final TupleTag<StoryClaim> CLAIMS = new TupleTag<StoryClaim>() {};

  private final PCollection<Article> articles;
  private final PCollection<ArticleFacts> facts;

  private ConsolidateStories(PCollection<Article> articles, PCollection<ArticleFacts> facts) {
    this.articles = articles;
    this.facts = facts;
  }

  /** Consolidates the given articles and their facts, grouped by the memberships applied to. */
  public static ConsolidateStories of(PCollection<Article> articles, PCollection<ArticleFacts> facts) {
    return new ConsolidateStories(articles, facts);
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
    PCollection<Article> placed =
        articles.apply("PlaceArticlesInStories",
            ParDo.of(new PlaceArticleFn(storyOf)).withSideInputs(storyOf));
    PCollection<KV<String, KV<String, StoryMember>>> members =
        facts
            .apply("PlaceFactsInStories",
                ParDo.of(new PlaceFactsFn(storyOf, articleCount)).withSideInputs(storyOf, articleCount))
            .setCoder(Shards.coder(memberships.getPipeline(), StoryMember.class));

    PCollectionTuple consolidated =
        members
            .apply("GroupByStory", GroupByKey.create())
            .apply("BuildStories",
                ParDo.of(new BuildStoryFn()).withOutputTags(STORIES, TupleTagList.of(CLAIMS)));
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

  private static final class PlaceArticleFn extends DoFn<Article, Article> {
    private final PCollectionView<Map<String, StoryMembership>> storyOf;
    // Read once per bundle: the direct runner rebuilds a map side input on every access, and
    // every element of this batch job is in the global window, so one read serves the bundle.
    private transient Map<String, StoryMembership> stories;

    PlaceArticleFn(PCollectionView<Map<String, StoryMembership>> storyOf) {
      this.storyOf = storyOf;
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

  private static final class BuildStoryFn
      extends DoFn<KV<String, Iterable<KV<String, StoryMember>>>, Story> {
    private final Counter stories = Metrics.counter(ConsolidateStories.class, "stories");
    private final Counter contested = Metrics.counter(ConsolidateStories.class, "contested_slots");
    private final StageTime time = StageTime.of(StageTime.CONSOLIDATE);

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<String, StoryMember>>> shard, MultiOutputReceiver out) {
      for (Map.Entry<String, List<StoryMember>> story :
          Shards.regroup(shard.getValue()).entrySet()) {
        build(story.getKey(), story.getValue(), out);
      }
    }

    private void build(String storyId, List<StoryMember> members, MultiOutputReceiver out) {
      long start = StageTime.now();
      StoryBuilder.Result result = StoryBuilder.build(storyId, members);
      time.since(start);
      stories.inc();
      contested.inc(result.story.contestedCount);
      out.get(STORIES).output(result.story);
      for (StoryClaim claim : result.claims) {
        out.get(CLAIMS).output(claim);
      }
    }
  }
}
