package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import io.storyline.io.ParquetTableReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The four tables through BigQueryIO (load jobs) into Beam's fake BigQuery: the tables it creates
 * (schemas with nested and repeated fields, day partitioning, clustering) and the rows that land.
 */
public class BigQueryTablesTest {
  private static final String PROJECT = "storyline-test";
  private static final String DATASET = "news";

  @ClassRule public static final TemporaryFolder TEMP = new TemporaryFolder();

  private static FakeDatasetService datasets;
  private static Path out;

  /** One run writes both Parquet and BigQuery: every test reads what it wrote. */
  @BeforeClass
  public static void runIntoFakeBigQuery() throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    datasets = new FakeDatasetService();
    datasets.createDataset(PROJECT, DATASET, "", "", null);
    FakeBigQueryServices bigQuery =
        new FakeBigQueryServices()
            .withDatasetService(datasets)
            .withJobService(new FakeJobService());
    out = TEMP.newFolder("out").toPath();
    StorylineOptions options = PipelineOptionsFactory.create().as(StorylineOptions.class);
    options.setInput(Fixtures.path("jsonl") + "," + Fixtures.path("bad"));
    options.setOutput(out.toString());
    options.setBigQueryDataset(PROJECT + ":" + DATASET);
    // Load jobs read their files from the temporary location: local here, gs:// in production.
    options.setTempLocation(TEMP.newFolder("tmp").toString());
    assertEquals(
        PipelineResult.State.DONE, StorylinePipeline.run(options, bigQuery).waitUntilFinish());
  }

  @Test
  public void bigQueryGetsTheSameTablesAsParquet() throws Exception {
    for (String table : new String[] {"stories", "articles", "claims", "rejected"}) {
      assertEquals(table, ParquetTableReader.readAll(out, table).size(), rows(table).size());
    }
    assertEquals(8, rows("articles").size());
    assertEquals(8, rows("rejected").size());
    assertEquals(
        column(ParquetTableReader.readAll(out, "stories"), "story_id"),
        columnOf(rows("stories"), "story_id"));
    assertEquals(
        column(ParquetTableReader.readAll(out, "claims"), "claim_id"),
        columnOf(rows("claims"), "claim_id"));
  }

  @Test
  public void tablesAreCreatedWithNestedSchemasPartitionsAndClusters() throws Exception {
    Table stories = table("stories");
    assertEquals("DAY", stories.getTimePartitioning().getType());
    assertEquals("first_published", stories.getTimePartitioning().getField());
    assertEquals(List.of("story_id"), stories.getClustering().getFields());
    Map<String, TableFieldSchema> storyFields = fields(stories.getSchema().getFields());
    assertField(storyFields, "story_id", "STRING", "REQUIRED");
    assertField(storyFields, "first_published", "TIMESTAMP", "NULLABLE");
    assertField(storyFields, "sources", "STRING", "REPEATED");
    assertField(storyFields, "article_count", "INT64", "REQUIRED");
    assertField(storyFields, "entities", "STRUCT", "REPEATED");
    Map<String, TableFieldSchema> entity = fields(storyFields.get("entities").getFields());
    assertEquals(Set.of("name", "type", "count"), entity.keySet());

    Table articles = table("articles");
    assertEquals("published", articles.getTimePartitioning().getField());
    assertEquals(List.of("story_id"), articles.getClustering().getFields());
    assertField(fields(articles.getSchema().getFields()), "published", "TIMESTAMP", "NULLABLE");

    Table claims = table("claims");
    assertEquals("DAY", claims.getTimePartitioning().getType());
    assertNull("claims are partitioned on load time", claims.getTimePartitioning().getField());
    assertEquals(List.of("story_id"), claims.getClustering().getFields());
    Map<String, TableFieldSchema> claimFields = fields(claims.getSchema().getFields());
    assertField(claimFields, "contested", "BOOL", "REQUIRED");
    assertField(claimFields, "article_ids", "STRING", "REPEATED");
    assertField(claimFields, "variants", "STRUCT", "REPEATED");
    Map<String, TableFieldSchema> variant = fields(claimFields.get("variants").getFields());
    assertField(variant, "sources", "STRING", "REPEATED");
    assertField(variant, "support_count", "INT64", "REQUIRED");

    Table rejected = table("rejected");
    assertNull(rejected.getTimePartitioning().getField());
    assertEquals(List.of("reason"), rejected.getClustering().getFields());
  }

  @Test
  public void nestedAndRepeatedValuesLand() throws Exception {
    // The merger's price is a claim of all three outlets, with its sources as a repeated field.
    TableRow price = null;
    for (TableRow claim : rows("claims")) {
      if ("money".equals(claim.get("kind"))
          && String.valueOf(claim.get("value")).contains("2.3 billion")
          && (price == null || support(claim) > support(price))) {
        price = claim;
      }
    }
    assertNotNull("no merger price claim", price);
    assertEquals(3, support(price));
    assertEquals(3, ((List<?>) price.get("sources")).size());
    List<?> variants = (List<?>) price.get("variants");
    assertTrue(variants.size() >= 1);
    assertTrue(((Map<?, ?>) variants.get(0)).get("sources") instanceof List);

    boolean lauraChen = false;
    for (TableRow story : rows("stories")) {
      for (Object e : (List<?>) story.get("entities")) {
        Map<?, ?> entity = (Map<?, ?>) e;
        lauraChen |= "Laura Chen".equals(entity.get("name")) && "person".equals(entity.get("type"));
      }
    }
    assertTrue("no entity Laura Chen (person)", lauraChen);
    for (TableRow article : rows("articles")) {
      String published = (String) article.get("published");
      assertTrue(published,
          published == null || published.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*"));
    }
  }

  @Test(expected = IllegalArgumentException.class)
  public void aRunNeedsSomewhereToWrite() {
    StorylineOptions options = PipelineOptionsFactory.create().as(StorylineOptions.class);
    options.setInput(Fixtures.path("jsonl"));
    StorylinePipeline.run(options);
  }

  @Test
  public void optionsNeedOutputOrDatasetOrBoth() {
    String input = "--input=" + Fixtures.path("jsonl");
    PipelineOptionsFactory.register(StorylineOptions.class);
    PipelineOptionsFactory.fromArgs(input, "--output=out").withValidation()
        .as(StorylineOptions.class);
    PipelineOptionsFactory.fromArgs(input, "--bigQueryDataset=p:d").withValidation()
        .as(StorylineOptions.class);
    try {
      PipelineOptionsFactory.fromArgs(input).withValidation().as(StorylineOptions.class);
      throw new AssertionError("options without --output or --bigQueryDataset were accepted");
    } catch (IllegalArgumentException expected) {
      assertTrue(expected.getMessage(), expected.getMessage().contains("BigQueryDataset"));
    }
  }

  private static Table table(String name) throws Exception {
    Table table =
        datasets.getTable(
            new TableReference().setProjectId(PROJECT).setDatasetId(DATASET).setTableId(name));
    assertNotNull("table " + name + " was not created", table);
    return table;
  }

  private static List<TableRow> rows(String table) throws Exception {
    return datasets.getAllRows(PROJECT, DATASET, table);
  }

  private static long support(TableRow claim) {
    return Long.parseLong(String.valueOf(claim.get("support_count")));
  }

  private static Map<String, TableFieldSchema> fields(List<TableFieldSchema> list) {
    Map<String, TableFieldSchema> byName = new HashMap<>();
    list.forEach(f -> byName.put(f.getName(), f));
    return byName;
  }

  private static void assertField(
      Map<String, TableFieldSchema> fields, String name, String type, String mode) {
    TableFieldSchema field = fields.get(name);
    assertNotNull("no column " + name + " in " + fields.keySet(), field);
    assertEquals(name, type, field.getType());
    // BigQuery leaves NULLABLE, the default mode, unsaid.
    assertEquals(name, mode, field.getMode() == null ? "NULLABLE" : field.getMode());
  }

  private static Set<String> column(List<GenericRecord> rows, String name) {
    Set<String> values = new TreeSet<>();
    rows.forEach(r -> values.add(String.valueOf(r.get(name))));
    return values;
  }

  private static Set<String> columnOf(List<TableRow> rows, String name) {
    Set<String> values = new TreeSet<>();
    rows.forEach(r -> values.add(String.valueOf(r.get(name))));
    return values;
  }
}
