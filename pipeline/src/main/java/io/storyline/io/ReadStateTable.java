package io.storyline.io;

import io.storyline.model.OpenStoryMember;
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
 * Reads the {@code state} table an earlier run wrote beside its tables ({@code
 * PREVIOUS_OUTPUT/state/*.parquet}, any Beam filesystem): the members of the stories that were
 * still open, which this run continues. The Parquet schema is the one {@link WriteParquetTable}
 * derives from {@link OpenStoryMember}.
 */
public final class ReadStateTable extends PTransform<PBegin, PCollection<OpenStoryMember>> {
  public static final String TABLE = "state";

  private final String previousOutput;

  private ReadStateTable(String previousOutput) {
    this.previousOutput = previousOutput;
  }

  /** The state table under an earlier run's {@code --output}. */
  public static ReadStateTable from(String previousOutput) {
    return new ReadStateTable(previousOutput);
  }

  /** The file pattern of the state table under an output folder. */
  public static String pattern(String output) {
    return (output.endsWith("/") ? output : output + "/") + TABLE + "/*.parquet";
  }

  @Override
  public PCollection<OpenStoryMember> expand(PBegin begin) {
    Schema schema;
    try {
      schema = begin.getPipeline().getSchemaRegistry().getSchema(OpenStoryMember.class);
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException("OpenStoryMember has no schema", e);
    }
    org.apache.avro.Schema avroSchema = AvroUtils.toAvroSchema(schema);
    return begin
        .apply("ReadStateParquet", ParquetIO.read(avroSchema).from(pattern(previousOutput)))
        .apply("StateToRows", ParDo.of(new ToRowFn(schema)))
        .setRowSchema(schema)
        .apply("StateToMembers", Convert.fromRows(OpenStoryMember.class));
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
