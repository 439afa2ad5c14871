package io.storyline.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * The job's options; every runner's own options can be given beside them. The tables go to
 * Parquet under {@code --output}, to BigQuery in {@code --bigQueryDataset}, or to both.
 */
public interface StorylineOptions extends BigQueryOutputOptions {
  @Description(
      "Input files: one or more comma-separated patterns on any Beam filesystem (local, gs://, "
          + "s3://). A local directory reads every file in it; elsewhere give a pattern "
          + "(gs://bucket/dir/*). Formats by extension: .txt (one page), .jsonl (one article per "
          + "line), .html and .warc, each also .gz.")
  @Validation.Required
  String getInput();

  void setInput(String input);

  @Description(
      "Output directory on any Beam filesystem: the tables are written under it as stories/, "
          + "articles/, claims/ and rejected/, each a folder of Parquet files. Required unless "
          + "--bigQueryDataset is given.")
  @Validation.Required(groups = {OUTPUT_GROUP})
  String getOutput();

  void setOutput(String output);

  @Description(
      "The --output of the previous run (any Beam filesystem), for nightly runs: its state/ table "
          + "holds the stories still open, and this run's articles join them or form new ones; "
          + "its document_frequencies/ table, the term counts of all runs so far, which this run "
          + "adds to. A continued story keeps its id.")
  String getPreviousOutput();

  void setPreviousOutput(String previousOutput);

  @Description(
      "Days a story stays open for the articles of later runs after its last article (counted "
          + "back from the latest publication time the run sees). Open stories are written to "
          + "state/ for --previousOutput of the next run.")
  @Default.Integer(7)
  int getStoryWindowDays();

  void setStoryWindowDays(int storyWindowDays);

  @Description("Parquet files per table. More shards write in parallel on larger jobs; 0 writes "
      + "one file per runner bundle, without the shuffle that fixed shards need.")
  @Default.Integer(1)
  int getShards();

  void setShards(int shards);

  @Description(
      "Outlet ratings: a CSV file (any Beam filesystem) with a header and the columns domain, "
          + "name, bias, factuality, owner, country (see README, \"Outlet ratings\"). Articles "
          + "get their outlet's ratings and stories count their outlets by bias. Checked before "
          + "the job starts.")
  String getSourceRatings();

  void setSourceRatings(String sourceRatings);

  @Description("Largest page or JSON line accepted, in bytes; larger records are rejected.")
  @Default.Integer(10 << 20)
  int getMaxRecordBytes();

  void setMaxRecordBytes(int maxRecordBytes);
}
