package io.storyline.io;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.TimePartitioning;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.CreateDisposition;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.Method;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.WriteDisposition;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.WriteResult;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes a schema'd collection as one BigQuery table. The table schema is derived from the
 * records' Beam schema, as the Parquet tables' is: nested records stay {@code RECORD} columns and
 * lists {@code REPEATED} ones. The table is created when missing, partitioned by day (on a
 * timestamp column, or on load time) and clustered on the given columns.
 *
 * <pre>
 * stories.apply(WriteBigQueryTable.&lt;Story&gt;to("project:dataset.stories")
 *     .partitionedByDay("first_published")
 *     .clusteredBy("story_id"));
 * </pre>
 */
public final class WriteBigQueryTable<T> extends PTransform<PCollection<T>, WriteResult> {
  private final String table;
  private final boolean partitioned;
  private final @Nullable String partitionColumn;
  private final List<String> clusteringColumns;
  private final WriteDisposition writeDisposition;
  private final Method method;
  private final @Nullable BigQueryServices testServices;

  private WriteBigQueryTable(
      String table,
      boolean partitioned,
      @Nullable String partitionColumn,
      List<String> clusteringColumns,
      WriteDisposition writeDisposition,
      Method method,
      @Nullable BigQueryServices testServices) {
    this.table = table;
    this.partitioned = partitioned;
    this.partitionColumn = partitionColumn;
    this.clusteringColumns = clusteringColumns;
    this.writeDisposition = writeDisposition;
    this.method = method;
    this.testServices = testServices;
  }

  /**
   * Writes to {@code table} ({@code PROJECT:DATASET.TABLE} or {@code DATASET.TABLE}); by default
   * unpartitioned, unclustered, appending, through load jobs.
   */
  public static <T> WriteBigQueryTable<T> to(String table) {
    if (table == null) {
      throw new IllegalArgumentException("table is null");
    }
    BigQueryHelpers.parseTableSpec(table); // throws on anything but [PROJECT:]DATASET.TABLE
    return new WriteBigQueryTable<>(
        table, false, null, List.of(), WriteDisposition.WRITE_APPEND, Method.FILE_LOADS, null);
  }

  /**
   * One partition per day of {@code column}, a timestamp; rows where it is null go to a partition
   * of their own ({@code __NULL__}).
   */
  public WriteBigQueryTable<T> partitionedByDay(String column) {
    if (column == null || column.isEmpty()) {
      throw new IllegalArgumentException("partition column is empty");
    }
    return new WriteBigQueryTable<>(
        table, true, column, clusteringColumns, writeDisposition, method, testServices);
  }

  /** One partition per day the rows are loaded on (ingestion time, {@code _PARTITIONTIME}). */
  public WriteBigQueryTable<T> partitionedByLoadDay() {
    return new WriteBigQueryTable<>(
        table, true, null, clusteringColumns, writeDisposition, method, testServices);
  }

  /** Clusters the table on up to four columns, in order. */
  public WriteBigQueryTable<T> clusteredBy(String... columns) {
    if (columns.length < 1 || columns.length > 4) {
      throw new IllegalArgumentException("BigQuery clusters on one to four columns");
    }
    return new WriteBigQueryTable<>(
        table, partitioned, partitionColumn, List.of(columns), writeDisposition, method,
        testServices);
  }

  public WriteBigQueryTable<T> withWriteDisposition(WriteDisposition disposition) {
    if (disposition == null) {
      throw new IllegalArgumentException("write disposition is null");
    }
    return new WriteBigQueryTable<>(
        table, partitioned, partitionColumn, clusteringColumns, disposition, method, testServices);
  }

  public WriteBigQueryTable<T> withMethod(Method method) {
    if (method == null) {
      throw new IllegalArgumentException("write method is null");
    }
    return new WriteBigQueryTable<>(
        table, partitioned, partitionColumn, clusteringColumns, writeDisposition, method,
        testServices);
  }

  /** Sends every BigQuery call to {@code services} instead (tests' fakes). */
  public WriteBigQueryTable<T> withTestServices(BigQueryServices services) {
    return new WriteBigQueryTable<>(
        table, partitioned, partitionColumn, clusteringColumns, writeDisposition, method,
        services);
  }

  @Override
  public WriteResult expand(PCollection<T> records) {
    Schema schema = records.getSchema();
    if (partitionColumn != null) {
      checkColumn(schema, partitionColumn, "partition");
      if (schema.getField(partitionColumn).getType().getTypeName()
          != Schema.TypeName.DATETIME) {
        throw new IllegalArgumentException(
            "partition column " + partitionColumn + " of " + table + " is not a timestamp");
      }
    }
    for (String column : clusteringColumns) {
      checkColumn(schema, column, "clustering");
    }
    BigQueryIO.Write<T> write =
        BigQueryIO.<T>write()
            .to(table)
            .useBeamSchema()
            .withCreateDisposition(CreateDisposition.CREATE_IF_NEEDED)
            .withWriteDisposition(writeDisposition)
            .withMethod(method);
    if (partitioned) {
      TimePartitioning partitioning = new TimePartitioning().setType("DAY");
      if (partitionColumn != null) {
        partitioning.setField(partitionColumn);
      }
      write = write.withTimePartitioning(partitioning);
    }
    if (!clusteringColumns.isEmpty()) {
      write = write.withClustering(new Clustering().setFields(clusteringColumns));
    }
    if (testServices != null) {
      write = write.withTestServices(testServices);
    }
    return records.apply("WriteToBigQuery", write);
  }

  private void checkColumn(Schema schema, String column, String role) {
    if (!schema.hasField(column)) {
      throw new IllegalArgumentException(
          role + " column " + column + " is not a column of " + table + ": "
              + schema.getFieldNames());
    }
  }
}
