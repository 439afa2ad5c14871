package io.storyline.io;

import io.storyline.model.InputRecord;
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
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Keeps one record per article id: the first by file and position; later ones are rejected as
 * {@code duplicate_id}, so that every table row has a unique article id.
 */
public final class DeduplicateIds extends PTransform<PCollection<InputRecord>, PCollectionTuple> {
  public static final TupleTag<InputRecord> UNIQUE = new TupleTag<InputRecord>() {};
  public static final TupleTag<Rejected> REJECTED = new TupleTag<Rejected>() {};

  private DeduplicateIds() {}

  public static DeduplicateIds create() {
    return new DeduplicateIds();
  }

  @Override
  public PCollectionTuple expand(PCollection<InputRecord> records) {
    return records
        .apply("KeyById", WithKeys.of(new IdOf()).withKeyType(TypeDescriptors.strings()))
        .apply("GroupById", GroupByKey.create())
        .apply("KeepFirst",
            ParDo.of(new KeepFirstFn()).withOutputTags(UNIQUE, TupleTagList.of(REJECTED)));
  }

  private static final class IdOf implements SerializableFunction<InputRecord, String> {
    @Override
    public String apply(InputRecord record) {
      return record.articleId;
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
