package io.storyline.consolidate;

import io.storyline.model.Article;
import io.storyline.model.KeyedCoders;
import io.storyline.model.ArticleFacts;
import io.storyline.model.Story;
import io.storyline.model.StoryClaim;
import io.storyline.model.StoryMember;
import io.storyline.model.StoryMembership;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
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
  private static final TupleTag<KV<String, StoryMember>> MEMBERS =
      new TupleTag<KV<String, StoryMember>>() {};

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
    TupleTag<Article> articleTag = new TupleTag<>();
    TupleTag<ArticleFacts> factsTag = new TupleTag<>();
    TupleTag<StoryMembership> membershipTag = new TupleTag<>();
    PCollectionTuple joined =
        KeyedPCollectionTuple.of(
                articleTag,
                articles.apply("KeyArticles",
                    WithKeys.of(new ArticleIdOf()).withKeyType(TypeDescriptors.strings())))
            .and(factsTag,
                facts.apply("KeyFacts",
                    WithKeys.of(new FactsIdOf()).withKeyType(TypeDescriptors.strings())))
            .and(membershipTag,
                memberships.apply("KeyMemberships",
                    WithKeys.of(new MembershipIdOf()).withKeyType(TypeDescriptors.strings())))
            .apply("JoinArticlesWithStories", CoGroupByKey.create())
            .apply("PlaceInStories",
                ParDo.of(new PlaceInStoryFn(articleTag, factsTag, membershipTag))
                    .withOutputTags(ARTICLES, TupleTagList.of(MEMBERS)));

    PCollectionTuple consolidated =
        joined
            .get(MEMBERS)
            .setCoder(KeyedCoders.of(memberships.getPipeline(), StoryMember.class))
            .apply("GroupByStory", GroupByKey.create())
            .apply("BuildStories",
                ParDo.of(new BuildStoryFn()).withOutputTags(STORIES, TupleTagList.of(CLAIMS)));
    return PCollectionTuple.of(ARTICLES, joined.get(ARTICLES))
        .and(STORIES, consolidated.get(STORIES))
        .and(CLAIMS, consolidated.get(CLAIMS));
  }

  private static final class ArticleIdOf implements SerializableFunction<Article, String> {
    @Override
    public String apply(Article a) {
      return a.articleId;
    }
  }

  private static final class FactsIdOf implements SerializableFunction<ArticleFacts, String> {
    @Override
    public String apply(ArticleFacts f) {
      return f.articleId;
    }
  }

  private static final class MembershipIdOf implements SerializableFunction<StoryMembership, String> {
    @Override
    public String apply(StoryMembership m) {
      return m.articleId;
    }
  }

  private static final class PlaceInStoryFn extends DoFn<KV<String, CoGbkResult>, Article> {
    private final TupleTag<Article> articleTag;
    private final TupleTag<ArticleFacts> factsTag;
    private final TupleTag<StoryMembership> membershipTag;

    PlaceInStoryFn(TupleTag<Article> articleTag, TupleTag<ArticleFacts> factsTag,
        TupleTag<StoryMembership> membershipTag) {
      this.articleTag = articleTag;
      this.factsTag = factsTag;
      this.membershipTag = membershipTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, MultiOutputReceiver out) {
      Article article = joined.getValue().getOnly(articleTag, null);
      ArticleFacts facts = joined.getValue().getOnly(factsTag, null);
      StoryMembership membership = joined.getValue().getOnly(membershipTag, null);
      if (article == null || facts == null || membership == null) {
        throw new IllegalStateException("article " + joined.getKey() + " lost its facts or story");
      }
      out.get(ARTICLES).output(article.inStory(membership.storyId, membership.duplicateOf));
      out.get(MEMBERS)
          .output(KV.of(membership.storyId, new StoryMember(facts, membership.duplicateOf)));
    }
  }

  private static final class BuildStoryFn extends DoFn<KV<String, Iterable<StoryMember>>, Story> {
    private final Counter stories = Metrics.counter(ConsolidateStories.class, "stories");
    private final Counter contested = Metrics.counter(ConsolidateStories.class, "contested_slots");

    @ProcessElement
    public void process(@Element KV<String, Iterable<StoryMember>> story, MultiOutputReceiver out) {
      StoryBuilder.Result result = StoryBuilder.build(story.getKey(), story.getValue());
      stories.inc();
      contested.inc(result.story.contestedCount);
      out.get(STORIES).output(result.story);
      for (StoryClaim claim : result.claims) {
        out.get(CLAIMS).output(claim);
      }
    }
  }
}
