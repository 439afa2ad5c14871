package io.storyline.pipeline;

import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.Method;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.WriteDisposition;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Where and how the four tables go to BigQuery, when they do. */
public interface BigQueryOutputOptions extends PipelineOptions {
  /** Either this or {@code --output} (or both) must be given. */
  String OUTPUT_GROUP = "output";

  @Description(
      "BigQuery dataset for the four tables, as PROJECT:DATASET (or DATASET in --project). The "
          + "tables stories, articles, claims and rejected are created when missing. Given alone, "
          + "no Parquet is written; given with --output, both are.")
  @Validation.Required(groups = {OUTPUT_GROUP})
  String getBigQueryDataset();

  void setBigQueryDataset(String dataset);

  @Description(
      "What a run does to BigQuery tables that already hold rows: WRITE_APPEND adds this run's "
          + "rows (a nightly job over one day's input), WRITE_TRUNCATE replaces the tables (a "
          + "full rebuild), WRITE_EMPTY fails unless they are empty.")
  @Default.Enum("WRITE_APPEND")
  WriteDisposition getBigQueryWriteDisposition();

  void setBigQueryWriteDisposition(WriteDisposition disposition);

  @Description(
      "How rows reach BigQuery: FILE_LOADS (load jobs from files under --tempLocation, which "
          + "must then be a gs:// path), STORAGE_WRITE_API or STREAMING_INSERTS.")
  @Default.Enum("FILE_LOADS")
  Method getBigQueryWriteMethod();

  void setBigQueryWriteMethod(Method method);
}
