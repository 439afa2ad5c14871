package io.storyline.benchmark;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BenchmarkCorpusTest {
  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void writesNRecombinedArticlesWithNewIdsOutletsAndDates() throws Exception {
    List<BenchmarkCorpus.RealEvent> pool =
        BenchmarkCorpus.readSample(Paths.get("..", "fixtures", "sample"));
    assertEquals(1, pool.size());
    Path out = folder.newFolder("corpus").toPath();
    BenchmarkCorpus.Stats stats =
        BenchmarkCorpus.write(500, pool, List.of(), out, new Random(7));
    List<JsonNode> rows = rows(out);
    assertEquals(500, stats.articles());
    assertEquals(500, rows.size());
    Set<String> ids = new HashSet<>();
    Set<String> texts = new HashSet<>();
    for (JsonNode row : rows) {
      assertTrue(ids.add(row.get("id").asText()));
      assertFalse(row.get("source").asText().isBlank());
      assertTrue(row.get("published").asText().startsWith("2025-"));
      texts.add(row.get("text").asText());
    }
    // Recombined, not copied: far more distinct bodies than the five real pages.
    assertTrue("distinct bodies: " + texts.size(), texts.size() > 400);
  }

  @Test
  public void theSameSeedWritesTheSameCorpus() throws Exception {
    List<BenchmarkCorpus.RealEvent> pool =
        BenchmarkCorpus.readSample(Paths.get("..", "fixtures", "sample"));
    Path a = folder.newFolder("a").toPath();
    Path b = folder.newFolder("b").toPath();
    BenchmarkCorpus.write(200, pool, List.of(), a, new Random(3));
    BenchmarkCorpus.write(200, pool, List.of(), b, new Random(3));
    assertEquals(rows(a), rows(b));
  }

  private static List<JsonNode> rows(Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          rows.add(json.readTree(line));
        }
      }
    }
    return rows;
  }
}
