package io.storyline.consolidate;

import io.storyline.model.ArticleFacts;
import io.storyline.model.OpenStoryMember;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Which stories stay open for the articles of later runs: those whose last article was published
 * at most a window (by default {@link #DEFAULT_WINDOW_DAYS} days) before the run's reference time, the latest publication time among the
 * run's articles and the open stories it read. The reference comes from the data, not the clock,
 * so a rerun of a night decides the same. A story with no dated article does not stay open: it
 * has no time to close by.
 */
public final class OpenStories {
  /** How long, by default, a story stays open after its last article. */
  public static final int DEFAULT_WINDOW_DAYS = 7;
  /** The reference time of a run without any dated article. */
  public static final long NO_REFERENCE = Long.MIN_VALUE;

  private OpenStories() {}

  /** Whether a story last published at {@code last} is open at {@code reference}. */
  public static boolean open(@Nullable Instant last, long reference, Duration window) {
    return last != null
        && reference != NO_REFERENCE
        && last.getMillis() >= reference - window.getMillis();
  }

  /**
   * The run's reference time: the latest publication time of its articles and of the earlier
   * stories it read (null when there are none), or {@link #NO_REFERENCE}.
   */
  public static PCollectionView<Long> referenceTime(
      PCollection<ArticleFacts> facts, @Nullable PCollection<OpenStoryMember> earlier) {
    PCollectionList<Long> times =
        PCollectionList.of(facts.apply("PublishedMillis", ParDo.of(new FactsTimeFn())));
    if (earlier != null) {
      times = times.and(earlier.apply("EarlierPublishedMillis", ParDo.of(new EarlierTimeFn())));
    }
    return times
        .apply("AllPublishedMillis", Flatten.pCollections())
        .apply("LatestPublished", Max.longsGlobally())
        .apply("ReferenceTimeView", View.asSingleton());
  }

  /** Each earlier member's story, by article id. */
  public static PCollectionView<Map<String, String>> storyOfMember(
      PCollection<OpenStoryMember> earlier) {
    return earlier
        .apply("EarlierMemberIds", ParDo.of(new StoryOfMemberFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("EarlierMemberView", View.asMap());
  }

  private static final class StoryOfMemberFn extends DoFn<OpenStoryMember, KV<String, String>> {
    @ProcessElement
    public void process(@Element OpenStoryMember member, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(member.articleId(), member.storyId));
    }
  }

  /** The members of the stories still open at the reference time. */
  public static PTransform<PCollection<OpenStoryMember>, PCollection<OpenStoryMember>> stillOpen(
      PCollectionView<Long> reference, Duration window) {
    return new StillOpen(reference, window);
  }

  private static final class StillOpen
      extends PTransform<PCollection<OpenStoryMember>, PCollection<OpenStoryMember>> {
    private final PCollectionView<Long> reference;
    private final Duration window;

    StillOpen(PCollectionView<Long> reference, Duration window) {
      this.reference = reference;
      this.window = window;
    }

    @Override
    public PCollection<OpenStoryMember> expand(PCollection<OpenStoryMember> members) {
      return members
          .apply("KeepOpenStories",
              ParDo.of(new KeepOpenFn(reference, window)).withSideInputs(reference))
          .setCoder(members.getCoder());
    }
  }

  private static final class KeepOpenFn extends DoFn<OpenStoryMember, OpenStoryMember> {
    private final PCollectionView<Long> reference;
    private final Duration window;

    KeepOpenFn(PCollectionView<Long> reference, Duration window) {
      this.reference = reference;
      this.window = window;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (open(c.element().storyLastPublished, c.sideInput(reference), window)) {
        c.output(c.element());
      }
    }
  }

  private static final class FactsTimeFn extends DoFn<ArticleFacts, Long> {
    @ProcessElement
    public void process(@Element ArticleFacts facts, OutputReceiver<Long> out) {
      if (facts.published != null) {
        out.output(facts.published.getMillis());
      }
    }
  }

  private static final class EarlierTimeFn extends DoFn<OpenStoryMember, Long> {
    @ProcessElement
    public void process(@Element OpenStoryMember member, OutputReceiver<Long> out) {
      if (member.storyLastPublished != null) {
        out.output(member.storyLastPublished.getMillis());
      }
    }
  }
}
