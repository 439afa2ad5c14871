package io.storyline.io;

import io.storyline.model.InputRecord;
import io.storyline.model.KeyedCoders;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import io.storyline.model.RejectReason;
import io.storyline.model.Rejected;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Keeps one record per article id: the first by file and position; later ones are rejected as
 * {@code duplicate_id}, so that every table row has a unique article id. With {@link
 * #withEarlierMembers}, a record whose id is already a member of an open story of an earlier run
 * is rejected as {@code duplicate_id} too: that article's row was written by the earlier run, and
 * it is not a new member of its story.
 */
public final class DeduplicateIds extends PTransform<PCollection<InputRecord>, PCollectionTuple> {
  public static final TupleTag<InputRecord> UNIQUE = new TupleTag<InputRecord>() {};
  public static final TupleTag<Rejected> REJECTED = new TupleTag<Rejected>() {};

  private final @Nullable PCollectionView<Map<String, String>> earlierMembers;

  private DeduplicateIds(@Nullable PCollectionView<Map<String, String>> earlierMembers) {
    this.earlierMembers = earlierMembers;
  }

  public static DeduplicateIds create() {
    return new DeduplicateIds(null);
  }

  /** Also rejects the ids of these earlier members (article id to story id). */
  public DeduplicateIds withEarlierMembers(PCollectionView<Map<String, String>> storyOfMember) {
    return new DeduplicateIds(storyOfMember);
  }

  @Override
  public PCollectionTuple expand(PCollection<InputRecord> input) {
    PCollection<InputRecord> records = input;
    PCollection<Rejected> seenBefore = null;
    if (earlierMembers != null) {
      PCollectionTuple skipped =
          input.apply("SkipEarlierMembers",
              ParDo.of(new SkipEarlierFn(earlierMembers))
                  .withSideInputs(earlierMembers)
                  .withOutputTags(UNIQUE, TupleTagList.of(REJECTED)));
      records = skipped.get(UNIQUE).setCoder(input.getCoder());
      seenBefore = skipped.get(REJECTED);
    }
    // Only ids that occur more than once are shuffled; a shuffle keyed by every article id would
    // cost some runners a bundle per article.
    PCollectionView<List<String>> repeated =
        records
            .apply("FindRepeatedIds", Combine.globally(new RepeatedIds()))
            .apply("RepeatedIdsView", View.asSingleton());
    PCollectionTuple routed =
        records.apply("RouteRepeatedIds",
            ParDo.of(new RouteFn(repeated))
                .withSideInputs(repeated)
                .withOutputTags(SINGLE, TupleTagList.of(SHARED)));
    PCollectionTuple resolved =
        routed
            .get(SHARED)
            .setCoder(KeyedCoders.of(records.getPipeline(), InputRecord.class))
            .apply("GroupById", GroupByKey.create())
            .apply("KeepFirst",
                ParDo.of(new KeepFirstFn()).withOutputTags(UNIQUE, TupleTagList.of(REJECTED)));
    PCollection<InputRecord> unique =
        PCollectionList.of(routed.get(SINGLE))
            .and(resolved.get(UNIQUE))
            .apply("AllUnique", Flatten.pCollections());
    PCollection<Rejected> rejected = resolved.get(REJECTED);
    if (seenBefore != null) {
      rejected =
          PCollectionList.of(seenBefore).and(rejected).apply("AllDuplicates", Flatten.pCollections());
    }
    return PCollectionTuple.of(UNIQUE, unique).and(REJECTED, rejected);
  }

  private static final class SkipEarlierFn extends DoFn<InputRecord, InputRecord> {
    private final Counter earlier = Metrics.counter(DeduplicateIds.class, "rejected_earlier_member");
    private final PCollectionView<Map<String, String>> storyOfMember;
    // Read once per bundle: the direct runner rebuilds a map side input on every access, and
    // every element of this batch job is in the global window, so one read serves the bundle.
    private transient Map<String, String> stories;

    SkipEarlierFn(PCollectionView<Map<String, String>> storyOfMember) {
      this.storyOfMember = storyOfMember;
    }

    @StartBundle
    public void startBundle() {
      stories = null;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (stories == null) {
        stories = c.sideInput(storyOfMember);
      }
      InputRecord record = c.element();
      String story = stories.get(record.articleId);
      if (story == null) {
        c.output(record);
        return;
      }
      earlier.inc();
      c.output(REJECTED,
          Rejected.of(record.inputFile, record.record, record.articleId, RejectReason.DUPLICATE_ID,
              "article id already a member of story " + story + " in an earlier run",
              record.text));
    }
  }

  private static final TupleTag<InputRecord> SINGLE = new TupleTag<InputRecord>() {};
  private static final TupleTag<KV<String, InputRecord>> SHARED =
      new TupleTag<KV<String, InputRecord>>() {};

  /** The ids seen more than once: counts capped at two, so the accumulator stays small per id. */
  private static final class RepeatedIds
      extends Combine.CombineFn<InputRecord, Map<String, Integer>, List<String>> {
    @Override
    public Map<String, Integer> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<String, Integer> addInput(Map<String, Integer> seen, InputRecord record) {
      seen.merge(record.articleId, 1, (a, b) -> Math.min(2, a + b));
      return seen;
    }

    @Override
    public Map<String, Integer> mergeAccumulators(Iterable<Map<String, Integer>> all) {
      Map<String, Integer> merged = null;
      for (Map<String, Integer> seen : all) {
        if (merged == null) {
          merged = seen;
        } else {
          for (Map.Entry<String, Integer> e : seen.entrySet()) {
            merged.merge(e.getKey(), e.getValue(), (a, b) -> Math.min(2, a + b));
          }
        }
      }
      return merged == null ? createAccumulator() : merged;
    }

    @Override
    public List<String> extractOutput(Map<String, Integer> seen) {
      List<String> repeated = new ArrayList<>();
      for (Map.Entry<String, Integer> e : seen.entrySet()) {
        if (e.getValue() > 1) {
          repeated.add(e.getKey());
        }
      }
      return repeated;
    }

    @Override
    public Coder<Map<String, Integer>> getAccumulatorCoder(
        CoderRegistry registry, Coder<InputRecord> inputCoder) {
      return MapCoder.of(StringUtf8Coder.of(), VarIntCoder.of());
    }

    @Override
    public Coder<List<String>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<InputRecord> inputCoder) {
      return ListCoder.of(StringUtf8Coder.of());
    }
  }

  private static final class RouteFn extends DoFn<InputRecord, InputRecord> {
    private final PCollectionView<List<String>> repeated;
    private transient Set<String> repeatedIds;

    RouteFn(PCollectionView<List<String>> repeated) {
      this.repeated = repeated;
    }

    @StartBundle
    public void startBundle() {
      repeatedIds = null;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      if (repeatedIds == null) {
        repeatedIds = new HashSet<>(c.sideInput(repeated));
      }
      InputRecord record = c.element();
      if (repeatedIds.contains(record.articleId)) {
        c.output(SHARED, KV.of(record.articleId, record));
      } else {
        c.output(record);
      }
    }
  }

  private static final class KeepFirstFn extends DoFn<KV<String, Iterable<InputRecord>>, InputRecord> {
    private final Counter duplicates = Metrics.counter(DeduplicateIds.class, "rejected_duplicate_id");

    @ProcessElement
    public void process(@Element KV<String, Iterable<InputRecord>> group, MultiOutputReceiver out) {
      List<InputRecord> records = new ArrayList<>();
      group.getValue().forEach(records::add);
      records.sort(
          Comparator.comparing((InputRecord r) -> r.inputFile).thenComparingLong(r -> r.record));
      InputRecord first = records.get(0);
      out.get(UNIQUE).output(first);
      for (InputRecord later : records.subList(1, records.size())) {
        duplicates.inc();
        out.get(REJECTED)
            .output(
                Rejected.of(later.inputFile, later.record, later.articleId,
                    RejectReason.DUPLICATE_ID,
                    "article id already used by " + first.inputFile + "#" + first.record,
                    later.text));
      }
    }
  }
}
