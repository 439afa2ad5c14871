package io.storyline.io;

import io.storyline.metrics.StageTime;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.transforms.Convert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Writes a schema'd collection as one Parquet table: {@code OUTPUT/NAME/part-*.parquet}. The Avro
 * (and so Parquet) schema is derived from the records' Beam schema, nested and repeated fields
 * kept. An empty collection is still written, as one readable, empty file.
 */
public final class WriteParquetTable<T> extends PTransform<PCollection<T>, PDone> {
  private final String directory;
  private final int shards;

  private WriteParquetTable(String directory, int shards) {
    this.directory = directory;
    this.shards = shards;
  }

  /**
   * Writes to {@code directory} (any Beam filesystem path) in {@code shards} files; with 0, in as
   * many as the runner's bundles, without the shuffle that fixed shards need.
   */
  public static <T> WriteParquetTable<T> to(String directory, int shards) {
    if (shards < 0) {
      throw new IllegalArgumentException("shards must be 0 (as the runner bundles) or more: " + shards);
    }
    return new WriteParquetTable<>(directory, shards);
  }

  @Override
  public PDone expand(PCollection<T> records) {
    Schema beamSchema = records.getSchema();
    org.apache.avro.Schema avroSchema = AvroUtils.toAvroSchema(beamSchema);
    FileIO.Write<Void, GenericRecord> write =
        FileIO.<GenericRecord>write()
            .via(new TimedSink(ParquetIO.sink(avroSchema)))
            .to(directory)
            .withPrefix("part")
            .withSuffix(".parquet");
    records
        .apply("ToRows", Convert.toRows())
        .apply("ToAvro",
            MapElements.into(TypeDescriptor.of(GenericRecord.class))
                .via(new RowToRecord(avroSchema.toString())))
        .setCoder(AvroCoder.of(avroSchema))
        .apply("WriteParquet", shards == 0 ? write : write.withNumShards(shards))
        .getPerDestinationOutputFilenames()
        .apply("CountFiles", Count.globally())
        .apply("WriteEmptyTable", ParDo.of(new EmptyTableFn(directory, avroSchema.toString())));
    return PDone.in(records.getPipeline());
  }

  /**
   * FileIO writes no file at all for an empty collection; an empty table is still a table, so
   * readers such as DuckDB find its schema.
   */
  private static final class EmptyTableFn extends DoFn<Long, Void> {
    private final String directory;
    private final String avroSchemaJson;

    EmptyTableFn(String directory, String avroSchemaJson) {
      this.directory = directory;
      this.avroSchemaJson = avroSchemaJson;
    }

    @ProcessElement
    public void process(@Element Long files) throws IOException {
      if (files > 0) {
        return;
      }
      ResourceId file =
          FileSystems.matchNewResource(directory, true)
              .resolve("part-00000-of-00001.parquet", StandardResolveOptions.RESOLVE_FILE);
      FileIO.Sink<GenericRecord> sink =
          ParquetIO.sink(new org.apache.avro.Schema.Parser().parse(avroSchemaJson));
      try (WritableByteChannel channel = FileSystems.create(file, "application/octet-stream")) {
        sink.open(channel);
        sink.flush();
      }
    }
  }

  /** Parquet's sink, its time counted as the write stage's. */
  private static final class TimedSink implements FileIO.Sink<GenericRecord> {
    private final FileIO.Sink<GenericRecord> parquet;
    private final StageTime time = StageTime.of(StageTime.WRITE);

    TimedSink(FileIO.Sink<GenericRecord> parquet) {
      this.parquet = parquet;
    }

    @Override
    public void open(WritableByteChannel channel) throws IOException {
      long start = StageTime.now();
      parquet.open(channel);
      time.since(start);
    }

    @Override
    public void write(GenericRecord element) throws IOException {
      long start = StageTime.now();
      parquet.write(element);
      time.since(start);
    }

    /** Not timed: FileIO closes files on a thread of its own, where no metric can be counted. */
    @Override
    public void flush() throws IOException {
      parquet.flush();
    }
  }

  /** Holds the Avro schema as JSON: Avro 1.11 schemas are not serializable. */
  private static final class RowToRecord implements SerializableFunction<Row, GenericRecord> {
    private final String avroSchemaJson;
    private final StageTime time = StageTime.of(StageTime.WRITE);
    private transient SerializableFunction<Row, GenericRecord> convert;

    RowToRecord(String avroSchemaJson) {
      this.avroSchemaJson = avroSchemaJson;
    }

    @Override
    public GenericRecord apply(Row row) {
      if (convert == null) {
        convert =
            AvroUtils.getRowToGenericRecordFunction(
                new org.apache.avro.Schema.Parser().parse(avroSchemaJson));
      }
      long start = StageTime.now();
      GenericRecord record = convert.apply(row);
      time.since(start);
      return record;
    }
  }
}
