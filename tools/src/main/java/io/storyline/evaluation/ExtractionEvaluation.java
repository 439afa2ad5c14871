package io.storyline.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyline.clean.html.ExtractedPage;
import io.storyline.clean.html.HtmlArticleExtractor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Scores {@link HtmlArticleExtractor} against a labelled set of pages laid out as in
 * scrapinghub/article-extraction-benchmark: {@code DIR/html/<id>.html.gz} and {@code
 * DIR/ground-truth.json} mapping each id to {@code {"articleBody": ..., "url": ...}}.
 *
 * <p>The metric is the benchmark's own. Per page, the truth and the prediction are lower-cased and
 * cut into word tokens (runs of letters, digits and underscores); their 4-token shingles are
 * compared as multisets, giving tp, fp and fn. Precision is tp / (tp + fp), 0 when nothing was
 * predicted; recall is tp / (tp + fn), 0 when the truth is empty; a page with neither truth nor
 * prediction counts as 1 for both. Precision and recall are averaged over pages and F1 is taken
 * from the two averages.
 *
 * <p>Usage: {@code ExtractionEvaluation DIR [--peer FILE] [--worst N] [--passes N] [--dump ID]}.
 * {@code --peer} scores a JSON file shaped like the ground truth (another extractor's output)
 * instead of running the extractor; {@code --worst} lists the N pages with the lowest F1; {@code
 * --passes} sets how many timed passes follow the warm-up pass; {@code --dump} prints the
 * extracted text of one page.
 */
public final class ExtractionEvaluation {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final int SHINGLE = 4;

  private ExtractionEvaluation() {}

  /** Precision and recall of one page. */
  static final class PageScore {
    final String id;
    final double precision;
    final double recall;

    PageScore(String id, double precision, double recall) {
      this.id = id;
      this.precision = precision;
      this.recall = recall;
    }

    double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println(
          "usage: ExtractionEvaluation DIR [--peer FILE] [--worst N] [--passes N] [--dump ID]");
      System.exit(2);
    }
    Path dir = Paths.get(args[0]);
    String peer = null;
    String dump = null;
    int worst = 0;
    int passes = 5;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--peer":
          peer = args[++i];
          break;
        case "--worst":
          worst = Integer.parseInt(args[++i]);
          break;
        case "--passes":
          passes = Math.max(1, Integer.parseInt(args[++i]));
          break;
        case "--dump":
          dump = args[++i];
          break;
        default:
          System.err.println("unknown option " + args[i]);
          System.exit(2);
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ObjectMapper json = new ObjectMapper();
    Map<String, String[]> truth = readTruth(json.readTree(dir.resolve("ground-truth.json").toFile()));

    Map<String, String> predicted = new LinkedHashMap<>();
    if (peer != null) {
      JsonNode peerRoot = json.readTree(Paths.get(peer).toFile());
      for (String id : truth.keySet()) {
        JsonNode entry = peerRoot.get(id);
        predicted.put(id, entry == null ? "" : entry.path("articleBody").asText(""));
      }
    } else {
      Map<String, String> pages = new LinkedHashMap<>();
      long bytes = 0;
      for (String id : truth.keySet()) {
        String html = readPage(dir.resolve("html").resolve(id + ".html.gz"));
        pages.put(id, html);
        bytes += html.length();
      }
      if (dump != null) {
        ExtractedPage page = HtmlArticleExtractor.extract(pages.get(dump), truth.get(dump)[1]);
        out.println(page);
        out.println(page.text());
        return;
      }
      // Warm-up pass, then timed passes over extraction alone.
      for (Map.Entry<String, String> p : pages.entrySet()) {
        predicted.put(p.getKey(), HtmlArticleExtractor.extract(p.getValue(), truth.get(p.getKey())[1]).text());
      }
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      for (int pass = 0; pass < passes; pass++) {
        for (Map.Entry<String, String> p : pages.entrySet()) {
          HtmlArticleExtractor.extract(p.getValue(), truth.get(p.getKey())[1]);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long cpuEnd = processCpuNanos();
      double cpuSeconds = cpuStart < 0 || cpuEnd < 0 ? seconds : (cpuEnd - cpuStart) / 1e9;
      int extracted = pages.size() * passes;
      out.printf(
          Locale.ROOT,
          "speed: %.1f pages/s per core (process CPU time, GC included), %.1f pages/s wall clock"
              + " (one thread, %d timed passes over %d pages, %.1f MB of markup)%n",
          extracted / cpuSeconds,
          extracted / seconds,
          passes,
          pages.size(),
          bytes / 1e6);
    }

    List<PageScore> scores = new ArrayList<>();
    for (Map.Entry<String, String[]> t : truth.entrySet()) {
      scores.add(score(t.getKey(), t.getValue()[0], predicted.getOrDefault(t.getKey(), "")));
    }
    double p = scores.stream().mapToDouble(s -> s.precision).average().orElse(0);
    double r = scores.stream().mapToDouble(s -> s.recall).average().orElse(0);
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    out.printf(
        Locale.ROOT,
        "%s: F1 %.3f  precision %.3f  recall %.3f  pages %d%n",
        peer != null ? Paths.get(peer).getFileName() : "HtmlArticleExtractor",
        f1,
        p,
        r,
        scores.size());
    if (worst > 0) {
      scores.sort(Comparator.comparingDouble(PageScore::f1));
      for (PageScore s : scores.subList(0, Math.min(worst, scores.size()))) {
        out.printf(
            Locale.ROOT,
            "  %s  F1 %.3f  P %.3f  R %.3f  %s%n",
            s.id,
            s.f1(),
            s.precision,
            s.recall,
            truth.get(s.id)[1]);
      }
    }
  }

  /** CPU time of the whole JVM (all threads, GC and compiler included), or -1 if unknown. */
  private static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }

  /** Scores one page with the benchmark's shingle metric. */
  static PageScore score(String id, String truth, String prediction) {
    Map<String, Integer> t = shingles(truth);
    Map<String, Integer> pr = shingles(prediction);
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (Map.Entry<String, Integer> e : pr.entrySet()) {
      int tc = t.getOrDefault(e.getKey(), 0);
      tp += Math.min(tc, e.getValue());
      fp += Math.max(0, e.getValue() - tc);
    }
    for (Map.Entry<String, Integer> e : t.entrySet()) {
      fn += Math.max(0, e.getValue() - pr.getOrDefault(e.getKey(), 0));
    }
    if (tp + fp + fn == 0) {
      return new PageScore(id, 1, 1);
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    return new PageScore(id, precision, recall);
  }

  /**
   * The 4-token shingles of {@code text} with their counts; a text of fewer than four tokens has
   * one shorter shingle, an empty text none.
   */
  static Map<String, Integer> shingles(@Nullable String text) {
    List<String> tokens = new ArrayList<>();
    if (text != null) {
      Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
      while (m.find()) {
        tokens.add(m.group());
      }
    }
    Map<String, Integer> out = new HashMap<>();
    int n = Math.max(1, tokens.size() - SHINGLE + 1);
    for (int i = 0; i < n && i < tokens.size(); i++) {
      String key = String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + SHINGLE)));
      out.merge(key, 1, Integer::sum);
    }
    return out;
  }

  private static Map<String, String[]> readTruth(JsonNode root) {
    Map<String, String[]> truth = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      truth.put(
          e.getKey(),
          new String[] {
            e.getValue().path("articleBody").asText(""), e.getValue().path("url").asText(null)
          });
    }
    return truth;
  }

  /** Reads a gzipped page, decoding it with the charset its markup declares (UTF-8 otherwise). */
  static String readPage(Path path) throws IOException {
    byte[] bytes;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      bytes = buf.toByteArray();
    }
    return new String(bytes, declaredCharset(bytes));
  }

  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset=[\"']?([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);

  private static Charset declaredCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (m.find()) {
      try {
        return Charset.forName(m.group(1));
      } catch (RuntimeException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }
}
