package io.storyline.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a benchmark corpus of N articles as JSON Lines, recombined from real article text.
 *
 * <p>The text pool is grouped by real event: the built-in sample (one event), and when present the
 * full-text clustering sets ({@code basil.jsonl}, {@code ecbplus.jsonl}: one event per {@code
 * gold_story}) and the extraction truth ({@code ground-truth.json}: one event per page). Each new
 * event draws one real event, a date and a size (1 + a geometric count, at most {@link
 * #MAX_EVENT_SIZE}); each of its articles takes the title of one of the event's real articles,
 * that article's first paragraph as its lead, then paragraphs drawn at random from all of the
 * event's articles until it reaches its drawn length (3.5 to 6 KB, or what the event has). Every
 * article gets a new id, its own outlet (outlet names of the headline set when present) and a time
 * within two days of the event's date. Events are spread over {@code N / 60} days (at least 30),
 * so a real event recurs days apart, and the file order is shuffled. The same N and seed write the
 * same corpus.
 *
 * <pre>
 * java -cp storyline-bundled.jar io.storyline.benchmark.BenchmarkCorpus N OUTPUT_DIR SAMPLE_DIR [DATASETS_DIR]
 * </pre>
 */
public final class BenchmarkCorpus {
  static final int MAX_EVENT_SIZE = 12;
  static final int ARTICLES_PER_DAY = 60;
  static final int FILES = 8;
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One real event: the paragraphs and titles of its articles. */
  record RealEvent(List<RealArticle> articles) {}

  record RealArticle(String title, List<String> paragraphs) {}

  private BenchmarkCorpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: BenchmarkCorpus N OUTPUT_DIR SAMPLE_DIR [DATASETS_DIR]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    Path output = Path.of(args[1]);
    List<RealEvent> pool = new ArrayList<>(readSample(Path.of(args[2])));
    List<String> outlets = new ArrayList<>();
    if (args.length > 3) {
      Path datasets = Path.of(args[3]);
      pool.addAll(readClusteringSet(datasets.resolve("clustering/basil.jsonl")));
      pool.addAll(readClusteringSet(datasets.resolve("clustering/ecbplus.jsonl")));
      pool.addAll(readExtractionTruth(datasets.resolve("extraction/ground-truth.json")));
      outlets.addAll(readOutlets(datasets.resolve("clustering/uci-headlines.jsonl")));
    }
    Stats stats = write(n, pool, outlets, output, new Random(20261122L));
    System.out.printf(Locale.ROOT,
        "benchmark corpus: %d articles, %d events from %d real events, %.1f KB of text per article,"
            + " %d outlets, %d days -> %s%n",
        stats.articles, stats.events, pool.size(), stats.textChars / 1024.0 / stats.articles,
        stats.outlets, stats.days, output);
  }

  record Stats(int articles, int events, long textChars, int outlets, int days) {}

  static Stats write(int n, List<RealEvent> pool, List<String> outletNames, Path output,
      Random random) throws IOException {
    List<String> outlets = outletNames.size() >= MAX_EVENT_SIZE ? outletNames : numberedOutlets();
    int days = Math.max(30, n / ARTICLES_PER_DAY);
    List<String> lines = new ArrayList<>(n);
    long textChars = 0;
    int events = 0;
    while (lines.size() < n) {
      RealEvent real = pool.get(random.nextInt(pool.size()));
      Instant date = START.plus(random.nextInt(days * 24), ChronoUnit.HOURS);
      int size = Math.min(n - lines.size(), eventSize(random));
      List<String> eventOutlets = pick(outlets, size, random);
      for (int i = 0; i < size; i++) {
        RealArticle base = real.articles.get(random.nextInt(real.articles.size()));
        String text = recombine(base, real, 3500 + random.nextInt(2501), random);
        textChars += text.length();
        ObjectNode row = JSON.createObjectNode();
        row.put("id", String.format(Locale.ROOT, "bench-%07d", lines.size()));
        row.put("source", eventOutlets.get(i));
        row.put("published", date.plus(random.nextInt(48 * 60), ChronoUnit.MINUTES).toString());
        row.put("title", base.title);
        row.put("text", text);
        row.put("language", "en");
        lines.add(JSON.writeValueAsString(row));
      }
      events++;
    }
    Collections.shuffle(lines, random);
    Files.createDirectories(output);
    int perFile = (lines.size() + FILES - 1) / FILES;
    for (int f = 0; f < FILES; f++) {
      Path file = output.resolve(String.format(Locale.ROOT, "part-%02d.jsonl", f));
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (int i = f * perFile; i < Math.min(lines.size(), (f + 1) * perFile); i++) {
          out.write(lines.get(i));
          out.write('\n');
        }
      }
    }
    return new Stats(lines.size(), events, textChars, outlets.size(), days);
  }

  /** 1 + a geometric count (mean about 2.9), at most {@link #MAX_EVENT_SIZE}. */
  private static int eventSize(Random random) {
    int size = 1;
    while (size < MAX_EVENT_SIZE && random.nextDouble() < 0.65) {
      size++;
    }
    return size;
  }

  /** The base article's lead, then the event's paragraphs in random order up to the length. */
  static String recombine(RealArticle base, RealEvent event, int length, Random random) {
    List<String> paragraphs = new ArrayList<>();
    for (RealArticle a : event.articles) {
      paragraphs.addAll(a.paragraphs);
    }
    Collections.shuffle(paragraphs, random);
    Set<String> chosen = new LinkedHashSet<>();
    int chars = 0;
    if (!base.paragraphs.isEmpty()) {
      chosen.add(base.paragraphs.get(0));
      chars += base.paragraphs.get(0).length();
    }
    for (String p : paragraphs) {
      if (chars >= length) {
        break;
      }
      if (chosen.add(p)) {
        chars += p.length() + 2;
      }
    }
    return String.join("\n\n", chosen);
  }

  private static List<String> pick(List<String> outlets, int count, Random random) {
    Set<String> picked = new LinkedHashSet<>();
    while (picked.size() < count) {
      picked.add(outlets.get(random.nextInt(outlets.size())));
    }
    return new ArrayList<>(picked);
  }

  private static List<String> numberedOutlets() {
    List<String> outlets = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      outlets.add(String.format(Locale.ROOT, "Outlet %03d", i));
    }
    return outlets;
  }

  /** The sample's scraped pages: one event; the first line of each page is its title. */
  static List<RealEvent> readSample(Path dir) throws IOException {
    List<RealArticle> articles = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String page = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = paragraphs(page);
        if (lines.size() > 1) {
          articles.add(new RealArticle(lines.get(0), lines.subList(1, lines.size())));
        }
      }
    }
    return articles.isEmpty() ? List.of() : List.of(new RealEvent(articles));
  }

  /** A clustering set: one event per {@code gold_story}, full-text rows only. */
  static List<RealEvent> readClusteringSet(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    Map<String, List<RealArticle>> events = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode row = JSON.readTree(line);
      String text = row.path("text").asText("");
      if (text.isBlank()) {
        continue;
      }
      events
          .computeIfAbsent(row.path("gold_story").asText(), k -> new ArrayList<>())
          .add(new RealArticle(row.path("title").asText(""), paragraphs(text)));
    }
    return events.values().stream().map(RealEvent::new).toList();
  }

  /** The extraction truth: each page's article body is an event of its own. */
  static List<RealEvent> readExtractionTruth(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<RealEvent> events = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode truth = JSON.readTree(in);
      for (JsonNode page : truth) {
        List<String> paragraphs = paragraphs(page.path("articleBody").asText(""));
        if (paragraphs.size() > 1) {
          // The truth has no title: the first paragraph stands in.
          String title = paragraphs.get(0);
          title = title.length() > 120 ? title.substring(0, 120) : title;
          events.add(new RealEvent(List.of(new RealArticle(title, paragraphs))));
        }
      }
    }
    return events;
  }

  static List<String> readOutlets(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    Set<String> outlets = new LinkedHashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        String source = JSON.readTree(line).path("source").asText("");
        if (!source.isBlank()) {
          outlets.add(source);
        }
      }
    }
    return new ArrayList<>(outlets);
  }

  static List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    for (String p : text.split("\\n+")) {
      if (!p.isBlank()) {
        paragraphs.add(p.strip());
      }
    }
    return paragraphs;
  }
}
