package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.dataflow.model.DataflowPackage;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.dataflow.DataflowRunner;
import org.apache.beam.runners.dataflow.options.DataflowPipelineDebugOptions;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.runners.dataflow.util.PackageUtil;
import org.apache.beam.runners.dataflow.util.Stager;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The job as Dataflow would receive it, built without Google Cloud: Dataflow options validate,
 * the graph builds on gs:// paths, and the Dataflow runner translates it into a job
 * specification (written to a local file, as for a classic template) instead of submitting it.
 * Staging is replaced by a stager that uploads nothing and credentials by none; what the
 * service itself would do with the job is not exercised.
 */
public class DataflowJobTest {
  private static final String BUCKET = "gs://storyline-test-bucket";

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private DataflowPipelineOptions dataflowOptions(File jobFile) throws Exception {
    File jar = temp.newFile("storyline-bundled.jar");
    PipelineOptionsFactory.register(StorylineOptions.class);
    // No bucket check and no credentials: either would reach Google Cloud.
    DataflowPipelineOptions options =
        PipelineOptionsFactory.fromArgs(
                "--pathValidatorClass=" + NoopPathValidator.class.getName(),
                "--credentialFactoryClass=" + NoopCredentialFactory.class.getName(),
                "--runner=DataflowRunner",
                "--project=storyline-test",
                "--region=europe-west1",
                "--tempLocation=" + BUCKET + "/tmp",
                "--gcpTempLocation=" + BUCKET + "/tmp",
                "--stagingLocation=" + BUCKET + "/staging",
                "--workerMachineType=n2-standard-4",
                "--maxNumWorkers=4",
                "--jobName=storyline-2025-07-31",
                "--filesToStage=" + jar,
                "--templateLocation=" + jobFile,
                "--input=" + BUCKET + "/news/date=2025-07-31/",
                "--output=" + BUCKET + "/storyline/date=2025-07-31/",
                "--bigQueryDataset=storyline-test:news",
                "--shards=4")
            .withValidation()
            .as(DataflowPipelineOptions.class);
    options.as(DataflowPipelineDebugOptions.class).setStager(new NoStaging());
    return options;
  }

  @Test
  public void theGraphBuildsWithDataflowOptions() throws Exception {
    DataflowPipelineOptions options = dataflowOptions(temp.newFile("job.json"));
    StorylineOptions storyline = options.as(StorylineOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    StorylinePipeline.writeTables(
        StorylinePipeline.buildPipeline(pipeline, storyline), storyline, null);

    List<String> steps = new ArrayList<>();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
            addTopLevel(node);
            return CompositeBehavior.ENTER_TRANSFORM;
          }

          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            addTopLevel(node);
          }

          private void addTopLevel(TransformHierarchy.Node node) {
            if (!node.isRootNode() && node.getEnclosingNode().isRootNode()) {
              steps.add(node.getFullName());
            }
          }
        });
    for (String step :
        new String[] {
          "ReadInputs", "DeduplicateIds", "CleanArticles", "ExtractClaims", "GroupIntoStories",
          "ConsolidateStories", "AllRejected", "WriteStories", "WriteArticles", "WriteClaims",
          "WriteRejected", "WriteStoriesToBigQuery", "WriteArticlesToBigQuery",
          "WriteClaimsToBigQuery", "WriteRejectedToBigQuery"
        }) {
      assertTrue(step + " not in " + steps, steps.contains(step));
    }
    // The runner accepts the options (project, region, locations, job name) without a service.
    assertEquals(DataflowRunner.class, DataflowRunner.fromOptions(options).getClass());
  }

  @Test
  public void theDataflowRunnerTranslatesTheJob() throws Exception {
    File jobFile = new File(temp.getRoot(), "storyline-job.json");
    DataflowPipelineOptions options = dataflowOptions(jobFile);
    // BigQueryIO checks at submission that the dataset exists: a fake BigQuery holds it.
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    FakeDatasetService datasets = new FakeDatasetService();
    datasets.createDataset("storyline-test", "news", "", "", null);
    FakeBigQueryServices bigQuery =
        new FakeBigQueryServices()
            .withDatasetService(datasets)
            .withJobService(new FakeJobService());

    PipelineResult result =
        StorylinePipeline.run(options.as(StorylineOptions.class), bigQuery);
    assertEquals("DataflowTemplateJob", result.getClass().getSimpleName());

    JsonNode job = new ObjectMapper().readTree(Files.readString(jobFile.toPath()));
    assertEquals("storyline-2025-07-31", job.path("name").asText());
    assertEquals("JOB_TYPE_BATCH", job.path("type").asText());
    JsonNode given = job.path("environment").path("sdkPipelineOptions").path("options");
    assertEquals("storyline-test", given.path("project").asText());
    assertEquals("europe-west1", given.path("region").asText());
    assertEquals("storyline-test:news", given.path("bigQueryDataset").asText());
    assertEquals(BUCKET + "/tmp", job.path("environment").path("tempStoragePrefix").asText());
    JsonNode pool = job.path("environment").path("workerPools").path(0);
    assertEquals("n2-standard-4", pool.path("machineType").asText());
    assertEquals(4, pool.path("autoscalingSettings").path("maxNumWorkers").asInt());
    assertTrue(pool.path("packages").path(0).path("name").asText().startsWith("storyline-bundled"));
    String spec = job.toString();
    for (String step :
        new String[] {"ReadInputs", "ExtractClaims", "GroupIntoStories", "ConsolidateStories",
            "WriteStories", "WriteClaimsToBigQuery"}) {
      assertTrue(step + " is not a step of the job", spec.contains(step));
    }
    assertTrue(job.path("steps").size() > 100);
  }

  @Test
  public void mainDoesNotWaitForADataflowJob() {
    assertTrue(StorylinePipeline.submitsAndReturns(DataflowRunner.class));
    assertFalse(StorylinePipeline.submitsAndReturns(DirectRunner.class));
  }

  /** Stages nothing: names the packages where they would be. */
  public static final class NoStaging implements Stager {
    @Override
    public List<DataflowPackage> stageFiles(List<PackageUtil.StagedFile> files) {
      List<DataflowPackage> packages = new ArrayList<>();
      for (PackageUtil.StagedFile file : files) {
        packages.add(staged(file.getDestination()));
      }
      return packages;
    }

    @Override
    public DataflowPackage stageToFile(byte[] bytes, String name) {
      return staged(name);
    }

    private static DataflowPackage staged(String name) {
      return new DataflowPackage().setName(name).setLocation(BUCKET + "/staging/" + name);
    }
  }
}
