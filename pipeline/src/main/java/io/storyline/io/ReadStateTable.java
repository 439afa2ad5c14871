package io.storyline.io;

import io.storyline.model.OpenStoryMember;
import io.storyline.model.TermCount;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Reads a table an earlier run wrote beside its tables for the next run (any Beam filesystem):
 * {@code PREVIOUS_OUTPUT/state/*.parquet}, the members of the stories that were still open, which
 * this run continues ({@link #from}), and {@code PREVIOUS_OUTPUT/document_frequencies/*.parquet},
 * the stream's term counts ({@link #termCounts}; an output without that table reads as none).
 * The Parquet schemas are the ones {@link WriteParquetTable} derives from the row classes.
 */
public final class ReadStateTable<T> extends PTransform<PBegin, PCollection<T>> {
  public static final String TABLE = "state";
  public static final String TERM_COUNTS_TABLE = "document_frequencies";

  private final String previousOutput;
  private final String table;
  private final Class<T> rowClass;

  private ReadStateTable(String previousOutput, String table, Class<T> rowClass) {
    this.previousOutput = previousOutput;
    this.table = table;
    this.rowClass = rowClass;
  }

  /** The state table under an earlier run's {@code --output}. */
  public static ReadStateTable<OpenStoryMember> from(String previousOutput) {
    return new ReadStateTable<>(previousOutput, TABLE, OpenStoryMember.class);
  }

  /** The term counts under an earlier run's {@code --output}. */
  public static ReadStateTable<TermCount> termCounts(String previousOutput) {
    return new ReadStateTable<>(previousOutput, TERM_COUNTS_TABLE, TermCount.class);
  }

  /** The file pattern of the state table under an output folder. */
  public static String pattern(String output) {
    return pattern(output, TABLE);
  }

  private static String pattern(String output, String table) {
    return (output.endsWith("/") ? output : output + "/") + table + "/*.parquet";
  }

  @Override
  public PCollection<T> expand(PBegin begin) {
    Schema schema;
    try {
      schema = begin.getPipeline().getSchemaRegistry().getSchema(rowClass);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(rowClass.getSimpleName() + " has no schema", e);
    }
    org.apache.avro.Schema avroSchema = AvroUtils.toAvroSchema(schema);
    return begin
        .apply("ReadParquet", ParquetIO.read(avroSchema).from(pattern(previousOutput, table)))
        .apply("ToRows", ParDo.of(new ToRowFn(schema)))
        .setRowSchema(schema)
        .apply("ToRecords", Convert.fromRows(rowClass));
  }

  private static final class ToRowFn extends DoFn<GenericRecord, Row> {
    private final Schema schema;

    ToRowFn(Schema schema) {
      this.schema = schema;
    }

    @ProcessElement
    public void process(@Element GenericRecord record, OutputReceiver<Row> out) {
      out.output(AvroUtils.toBeamRowStrict(record, schema));
    }
  }
}
