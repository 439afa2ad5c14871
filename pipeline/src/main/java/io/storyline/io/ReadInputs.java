package io.storyline.io;

import io.storyline.metrics.StageTime;
import io.storyline.model.InputRecord;
import io.storyline.model.RejectReason;
import io.storyline.model.Rejected;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads article records from files matching one or more patterns on any Beam filesystem. Each
 * file's format comes from its extension ({@link InputFormat}); {@code .gz} files are
 * decompressed. Every record ends in {@link #RECORDS} or in {@link #REJECTED}, never lost.
 */
public final class ReadInputs extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<InputRecord> RECORDS = new TupleTag<InputRecord>() {};
  public static final TupleTag<Rejected> REJECTED = new TupleTag<Rejected>() {};

  /** Default size limit for one page, one JSON line or one archived page. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 10 << 20;

  private final List<String> patterns;
  private final int maxRecordBytes;

  private ReadInputs(List<String> patterns, int maxRecordBytes) {
    this.patterns = patterns;
    this.maxRecordBytes = maxRecordBytes;
  }

  public static ReadInputs from(List<String> patterns) {
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("at least one input pattern is needed");
    }
    return new ReadInputs(List.copyOf(patterns), DEFAULT_MAX_RECORD_BYTES);
  }

  /** Pages, JSON lines and archived pages larger than this are rejected as {@code too_large}. */
  public ReadInputs withMaxRecordBytes(int maxRecordBytes) {
    if (maxRecordBytes <= 0) {
      throw new IllegalArgumentException("maxRecordBytes must be positive: " + maxRecordBytes);
    }
    return new ReadInputs(patterns, maxRecordBytes);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    return begin
        .apply("ListPatterns", Create.of(patterns))
        .apply("MatchFiles",
            FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW_IF_WILDCARD))
        // Spread the matched files over workers before the per-file work.
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.AUTO))
        .apply("ParseRecords",
            ParDo.of(new ParseFileFn(maxRecordBytes))
                .withOutputTags(RECORDS, TupleTagList.of(REJECTED)));
  }

  /** Parses one file into records, routing every problem to the rejected output. */
  private static final class ParseFileFn extends DoFn<FileIO.ReadableFile, InputRecord> {
    private final int maxRecordBytes;
    private final Counter files = Metrics.counter(ReadInputs.class, "files");
    private final Counter records = Metrics.counter(ReadInputs.class, "records");
    private final Counter rejected = Metrics.counter(ReadInputs.class, "rejected");
    private final StageTime time = StageTime.of(StageTime.READ);

    ParseFileFn(int maxRecordBytes) {
      this.maxRecordBytes = maxRecordBytes;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      files.inc();
      // Parsing time only: the clock stops while a record is handed on.
      long[] parsingSince = {StageTime.now()};
      String inputFile = file.getMetadata().resourceId().toString();
      RecordSink sink =
          new RecordSink() {
            @Override
            public void accept(InputRecord record) {
              records.inc();
              Metrics.counter(ReadInputs.class, "records_" + record.format).inc();
              handOn(() -> out.get(RECORDS).output(record));
            }

            @Override
            public void reject(Rejected row) {
              rejected.inc();
              Metrics.counter(ReadInputs.class, "rejected_" + row.reason).inc();
              handOn(() -> out.get(REJECTED).output(row));
            }

            /**
             * Outputs with the parsing clock stopped. A runner that chains the next steps into
             * this one runs them inside the output call: their failure is carried past the catch
             * of read errors below, not taken for this file's.
             */
            private void handOn(Runnable output) {
              time.since(parsingSince[0]);
              try {
                output.run();
              } catch (RuntimeException e) {
                throw new DownstreamFailure(e);
              }
              parsingSince[0] = StageTime.now();
            }

            @Override
            public void skip(String counter) {
              Metrics.counter(ReadInputs.class, counter).inc();
            }
          };
      InputFormat format = InputFormat.of(inputFile);
      if (format == null) {
        sink.reject(
            Rejected.of(inputFile, 0, null, RejectReason.UNSUPPORTED_FORMAT,
                "no reader for this file extension", null));
        return;
      }
      try (InputStream in = Channels.newInputStream(file.open())) {
        switch (format) {
          case TXT:
            new TxtPageParser(maxRecordBytes).parse(inputFile, in, sink);
            break;
          case JSONL:
            new JsonLinesParser(maxRecordBytes).parse(inputFile, in, sink);
            break;
          case HTML:
            new HtmlPageParser(maxRecordBytes).parse(inputFile, in, sink);
            break;
          case WARC:
            new WarcArchiveParser(maxRecordBytes).parse(inputFile, in, sink);
            break;
        }
      } catch (DownstreamFailure e) {
        throw e.getCause();
      } catch (Exception e) {
        // Broken compression or a read error: what was parsed stays, the rest is one rejected row.
        sink.reject(
            Rejected.of(inputFile, -1, null, RejectReason.UNREADABLE,
                e.getClass().getSimpleName() + ": " + e.getMessage(), null));
      }
      time.since(parsingSince[0]);
    }
  }

  /** A failure of the steps downstream of the reader, carried past its catch of read errors. */
  private static final class DownstreamFailure extends RuntimeException {
    DownstreamFailure(RuntimeException cause) {
      super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }
  }
}
