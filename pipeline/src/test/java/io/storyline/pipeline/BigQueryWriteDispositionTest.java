package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.api.services.bigquery.model.TableReference;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write.WriteDisposition;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A nightly run appends its rows to the BigQuery tables (the default); a rebuild with
 * WRITE_TRUNCATE replaces them. (The fake job service fails a truncating load's first attempt,
 * logging "FAILED", and BigQueryIO's retry succeeds: a quirk of the fake.)
 */
public class BigQueryWriteDispositionTest {
  private static final String PROJECT = "storyline-test";
  private static final String DATASET = "nightly";

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void appendAddsARunAndTruncateReplacesTheTables() throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    FakeDatasetService datasets = new FakeDatasetService();
    datasets.createDataset(PROJECT, DATASET, "", "", null);
    FakeBigQueryServices bigQuery =
        new FakeBigQueryServices()
            .withDatasetService(datasets)
            .withJobService(new FakeJobService());

    run(options(null), bigQuery);
    int stories = datasets.getAllRows(PROJECT, DATASET, "stories").size();
    int claims = datasets.getAllRows(PROJECT, DATASET, "claims").size();
    assertTrue(stories > 0 && claims > 0);
    // No input is rejected, yet the table exists, empty, as the Parquet table would.
    TableReference rejected =
        new TableReference().setProjectId(PROJECT).setDatasetId(DATASET).setTableId("rejected");
    assertNotNull(datasets.getTable(rejected));
    assertEquals(0, datasets.getAllRows(PROJECT, DATASET, "rejected").size());

    run(options(null), bigQuery);
    assertEquals(2 * stories, datasets.getAllRows(PROJECT, DATASET, "stories").size());
    assertEquals(2 * claims, datasets.getAllRows(PROJECT, DATASET, "claims").size());

    run(options(WriteDisposition.WRITE_TRUNCATE), bigQuery);
    assertEquals(stories, datasets.getAllRows(PROJECT, DATASET, "stories").size());
    assertEquals(claims, datasets.getAllRows(PROJECT, DATASET, "claims").size());
  }

  private StorylineOptions options(WriteDisposition disposition) throws Exception {
    StorylineOptions options = PipelineOptionsFactory.create().as(StorylineOptions.class);
    options.setInput(Fixtures.path("jsonl"));
    options.setBigQueryDataset(PROJECT + ":" + DATASET);
    options.setTempLocation(temp.newFolder().toString());
    if (disposition != null) {
      options.setBigQueryWriteDisposition(disposition);
    } else {
      assertEquals(WriteDisposition.WRITE_APPEND, options.getBigQueryWriteDisposition());
    }
    return options;
  }

  private static void run(StorylineOptions options, FakeBigQueryServices bigQuery) {
    assertEquals(
        PipelineResult.State.DONE, StorylinePipeline.run(options, bigQuery).waitUntilFinish());
  }
}
