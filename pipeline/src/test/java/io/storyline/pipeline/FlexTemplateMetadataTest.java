package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.Validation;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The Flex Template's metadata (templates/storyline-metadata.json) lists exactly the job's own
 * options, marks the required one, and its checks accept what a nightly run passes.
 */
public class FlexTemplateMetadataTest {
  private static final Map<String, JsonNode> PARAMETERS = new HashMap<>();

  @BeforeClass
  public static void readMetadata() throws Exception {
    Path here = Paths.get("").toAbsolutePath();
    Path file = here.resolveSibling("templates").resolve("storyline-metadata.json");
    if (!Files.exists(file)) {
      file = here.resolve("templates").resolve("storyline-metadata.json");
    }
    JsonNode metadata = new ObjectMapper().readTree(Files.readString(file));
    assertFalse(metadata.path("name").asText().isEmpty());
    for (JsonNode parameter : metadata.path("parameters")) {
      PARAMETERS.put(parameter.path("name").asText(), parameter);
    }
  }

  @Test
  public void everyOptionOfTheJobIsAParameterAndNothingElse() {
    Set<String> options = new TreeSet<>();
    for (Method getter : StorylineOptions.class.getMethods()) {
      boolean own =
          getter.getDeclaringClass() == StorylineOptions.class
              || getter.getDeclaringClass() == BigQueryOutputOptions.class;
      if (own && getter.getName().startsWith("get") && getter.getParameterCount() == 0) {
        String name = getter.getName().substring(3);
        options.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
      }
    }
    assertEquals(options, new TreeSet<>(PARAMETERS.keySet()));
  }

  @Test
  public void requiredOptionsAreRequiredParameters() throws Exception {
    for (Map.Entry<String, JsonNode> parameter : PARAMETERS.entrySet()) {
      String name = parameter.getKey();
      Method getter =
          StorylineOptions.class.getMethod(
              "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
      Validation.Required required = getter.getAnnotation(Validation.Required.class);
      // An option required alone is a required parameter; one of a group is optional.
      boolean alone = required != null && required.groups().length == 0;
      assertEquals(name, !alone, parameter.getValue().path("isOptional").asBoolean());
      assertFalse(name, parameter.getValue().path("helpText").asText().isEmpty());
    }
  }

  @Test
  public void checksAcceptANightlyRun() {
    assertAccepts("input", "gs://news-bucket/raw/date=2025-07-31/*");
    assertAccepts("input", "gs://news-bucket/raw/date=2025-07-31/,gs://news-bucket/warc/*.warc.gz");
    assertRejects("input", "/local/path");
    assertAccepts("output", "gs://news-bucket/storyline/date=2025-07-31/");
    assertAccepts("bigQueryDataset", "my-project:news");
    assertRejects("bigQueryDataset", "my-project:news.stories");
    assertAccepts("bigQueryWriteDisposition", "WRITE_TRUNCATE");
    assertRejects("bigQueryWriteDisposition", "truncate");
    assertAccepts("bigQueryWriteMethod", "FILE_LOADS");
    assertAccepts("shards", "8");
    assertRejects("shards", "0");
  }

  private static void assertAccepts(String name, String value) {
    assertTrue(name + " refuses " + value, matches(name, value));
  }

  private static void assertRejects(String name, String value) {
    assertFalse(name + " accepts " + value, matches(name, value));
  }

  private static boolean matches(String name, String value) {
    for (JsonNode regex : PARAMETERS.get(name).path("regexes")) {
      if (!Pattern.matches(regex.asText(), value)) {
        return false;
      }
    }
    return true;
  }
}
