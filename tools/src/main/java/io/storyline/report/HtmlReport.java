package io.storyline.report;

import io.storyline.io.ParquetTableReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes a static HTML report of a finished job's Parquet tables: {@code index.html}, the
 * stories with the most sources first and a blindspot filter, and one page per story. Every page
 * holds its own style and script, so the report opens offline from the file system.
 *
 * <pre>HtmlReport OUTPUT_DIR [REPORT_DIR]</pre>
 */
public final class HtmlReport {
  private static final String STYLE =
      "body{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}"
          + "table{border-collapse:collapse;width:100%;margin:1em 0}"
          + "td,th{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}"
          + ".bar{display:flex;height:28px;border-radius:4px;overflow:hidden;margin:.5em 0}"
          + ".bar div{color:#fff;font-size:13px;line-height:28px;padding:0 6px;white-space:nowrap}"
          + ".left{background:#2b6cb0}.center{background:#718096}.right{background:#c53030}"
          + ".unrated{color:#555}.blindspot{background:#fefcbf;padding:2px 6px}";

  private HtmlReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: HtmlReport OUTPUT_DIR [REPORT_DIR]");
      System.exit(2);
    }
    Path output = Path.of(args[0]);
    Path dir = args.length > 1 ? Path.of(args[1]) : output.resolve("report");
    write(output, dir);
    System.out.println("Story report: " + dir.resolve("index.html").toAbsolutePath());
  }

  /** Writes the report of the tables under {@code output} into {@code dir}. */
  public static void write(Path output, Path dir) throws IOException {
    List<GenericRecord> stories = ParquetTableReader.readAll(output, "stories");
    Map<String, List<GenericRecord>> claims = byStory(ParquetTableReader.readAll(output, "claims"));
    Map<String, List<GenericRecord>> articles =
        byStory(ParquetTableReader.readAll(output, "articles"));
    stories.sort(
        Comparator.comparing((GenericRecord s) -> -num(s, "source_count"))
            .thenComparing(s -> -num(s, "article_count"))
            .thenComparing(s -> str(s, "story_id")));
    Files.createDirectories(dir);
    StringBuilder index = new StringBuilder();
    head(index, "Stories");
    index.append("<h1>Stories</h1><p><label>Blindspot <select id=\"filter\" onchange=\"show()\">")
        .append("<option value=\"\">all stories</option><option value=\"left\">left</option>")
        .append("<option value=\"right\">right</option><option value=\"none\">none</option>")
        .append("</select></label></p><table id=\"stories\"><tr><th>Story</th><th>Sources</th>")
        .append("<th>Articles</th><th>Left / Center / Right</th><th>Blindspot</th></tr>");
    for (GenericRecord s : stories) {
      String id = str(s, "story_id");
      String blindspot = str(s, "blindspot");
      index.append("<tr data-blindspot=\"").append(blindspot.isEmpty() ? "none" : esc(blindspot))
          .append("\"><td><a href=\"").append(page(id)).append("\">")
          .append(esc(str(s, "headline"))).append("</a></td><td>").append(num(s, "source_count"))
          .append("</td><td>").append(num(s, "article_count")).append("</td><td>")
          .append(s.get("left_sources") == null ? "not rated"
              : num(s, "left_sources") + " / " + num(s, "center_sources") + " / "
                  + num(s, "right_sources"))
          .append("</td><td>").append(esc(blindspot)).append("</td></tr>");
      Files.writeString(dir.resolve(page(id)),
          storyPage(s, articles.getOrDefault(id, List.of()), claims.getOrDefault(id, List.of())),
          StandardCharsets.UTF_8);
    }
    index.append("</table><script>function show(){var f=document.getElementById('filter').value;")
        .append("document.querySelectorAll('#stories tr[data-blindspot]').forEach(function(r){")
        .append("r.style.display=!f||r.dataset.blindspot===f?'':'none';});}</script></body></html>\n");
    Files.writeString(dir.resolve("index.html"), index, StandardCharsets.UTF_8);
  }

  private static String storyPage(
      GenericRecord s, List<GenericRecord> articles, List<GenericRecord> claims) {
    StringBuilder h = new StringBuilder();
    head(h, str(s, "headline"));
    h.append("<p><a href=\"index.html\">All stories</a></p>");
    h.append("<h1 id=\"headline\">").append(esc(str(s, "headline"))).append("</h1>");
    h.append("<p id=\"summary\">").append(esc(str(s, "summary"))).append("</p>");
    h.append("<h2>Coverage</h2>");
    if (s.get("left_sources") == null) {
      h.append("<p id=\"coverage\">No ratings were given for this run.</p>");
    } else {
      int left = num(s, "left_sources");
      int center = num(s, "center_sources");
      int right = num(s, "right_sources");
      int rated = left + center + right;
      h.append("<div class=\"bar\" id=\"bar\">");
      segment(h, "left", "Left", left, rated);
      segment(h, "center", "Center", center, rated);
      segment(h, "right", "Right", right, rated);
      h.append("</div><p class=\"unrated\" id=\"unrated\">").append(num(s, "unrated_sources"))
          .append(" unrated sources</p>");
      if (s.get("blindspot") != null) {
        h.append("<p class=\"blindspot\" id=\"blindspot\">Blindspot: ")
            .append(esc(str(s, "blindspot"))).append("</p>");
      }
    }
    List<GenericRecord> byTime = new ArrayList<>(articles);
    byTime.sort(Comparator.comparing((GenericRecord a) -> num64(a, "published"))
        .thenComparing(a -> str(a, "article_id")));
    h.append("<h2>Timeline</h2><table id=\"timeline\"><tr><th>Published</th><th>Outlet</th>")
        .append("<th>Title</th></tr>");
    for (GenericRecord a : byTime) {
      h.append("<tr><td>").append(time(a.get("published"))).append("</td><td>")
          .append(esc(outletOf(a))).append("</td><td>").append(esc(str(a, "title")))
          .append("</td></tr>");
    }
    h.append("</table><h2>Sources</h2><table id=\"sources\"><tr><th>Source</th><th>Bias</th>")
        .append("<th>Factuality</th><th>Owner</th></tr>");
    Map<String, GenericRecord> outlets = new LinkedHashMap<>();
    for (GenericRecord a : byTime) {
      outlets.putIfAbsent(outletOf(a), a);
    }
    for (Map.Entry<String, GenericRecord> o : outlets.entrySet()) {
      h.append("<tr><td>").append(esc(o.getKey())).append("</td><td>")
          .append(esc(str(o.getValue(), "bias"))).append("</td><td>")
          .append(esc(str(o.getValue(), "factuality"))).append("</td><td>")
          .append(esc(str(o.getValue(), "owner"))).append("</td></tr>");
    }
    List<GenericRecord> sorted = new ArrayList<>(claims);
    sorted.sort(Comparator.comparing((GenericRecord c) -> -num(c, "support_count"))
        .thenComparing(c -> str(c, "claim_id")));
    h.append("</table><h2>Claims</h2><table id=\"claims\"><tr><th>Claim</th><th>Value</th>")
        .append("<th>Support</th></tr>");
    for (GenericRecord c : sorted) {
      h.append("<tr><td>").append(esc(str(c, "text"))).append("</td><td>")
          .append(esc(str(c, "value"))).append("</td><td>").append(num(c, "support_count"))
          .append(" sources</td></tr>");
    }
    h.append("</table><h2>Contested claims</h2><div id=\"contested\">");
    Map<String, Boolean> slots = new HashMap<>();
    for (GenericRecord c : sorted) {
      if (!Boolean.TRUE.equals(c.get("contested"))
          || slots.putIfAbsent(str(c, "slot"), true) != null) {
        continue;
      }
      h.append("<h3>").append(esc(str(c, "slot"))).append("</h3><table class=\"variants\"><tr>");
      List<?> variants = (List<?>) c.get("variants");
      for (Object v : variants) {
        h.append("<th class=\"value\">").append(esc(str((GenericRecord) v, "value"))).append("</th>");
      }
      h.append("</tr><tr>");
      for (Object v : variants) {
        h.append("<td>").append(esc(String.join(", ", strings(((GenericRecord) v).get("sources")))))
            .append("</td>");
      }
      h.append("</tr></table>");
    }
    if (slots.isEmpty()) {
      h.append("<p>No claim is contested.</p>");
    }
    h.append("</div></body></html>\n");
    return h.toString();
  }

  private static void segment(StringBuilder h, String side, String label, int n, int rated) {
    long percent = rated == 0 ? 0 : Math.round(100.0 * n / rated);
    h.append("<div class=\"").append(side).append("\" id=\"bar-").append(side)
        .append("\" style=\"flex:").append(Math.max(n, 0)).append(' ')
        .append(rated == 0 ? 1 : 0).append(" auto\">").append(label).append(' ').append(n)
        .append(" · ").append(percent).append("%</div>");
  }

  private static void head(StringBuilder h, String title) {
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append("</title><style>").append(STYLE)
        .append("</style></head><body>");
  }

  private static String outletOf(GenericRecord a) {
    String outlet = str(a, "outlet");
    if (!outlet.isEmpty()) {
      return outlet;
    }
    String source = str(a, "source");
    return source.isEmpty() ? str(a, "article_id") : source;
  }

  private static List<String> strings(Object list) {
    List<String> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }

  /** Story ids name files: anything but letters, digits, {@code -} and {@code _} is replaced. */
  static String page(String storyId) {
    return "story-" + storyId.replaceAll("[^A-Za-z0-9_-]", "_") + ".html";
  }

  private static String time(Object published) {
    if (!(published instanceof Number n)) {
      return "";
    }
    // Parquet timestamps are written in microseconds (Avro timestamp-micros) or milliseconds.
    long v = n.longValue();
    Instant t = Math.abs(v) > 100_000_000_000_000L
        ? Instant.ofEpochSecond(v / 1_000_000, (v % 1_000_000) * 1000) : Instant.ofEpochMilli(v);
    return t.toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC");
  }

  private static Map<String, List<GenericRecord>> byStory(List<GenericRecord> rows) {
    Map<String, List<GenericRecord>> by = new HashMap<>();
    for (GenericRecord r : rows) {
      by.computeIfAbsent(str(r, "story_id"), k -> new ArrayList<>()).add(r);
    }
    return by;
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }

  private static String str(GenericRecord r, String field) {
    Object v = r.getSchema().getField(field) == null ? null : r.get(field);
    return v == null ? "" : v.toString();
  }

  private static int num(GenericRecord r, String field) {
    Object v = r.getSchema().getField(field) == null ? null : r.get(field);
    return v == null ? 0 : ((Number) v).intValue();
  }

  private static long num64(GenericRecord r, String field) {
    Object v = r.get(field);
    return v instanceof Number n ? n.longValue() : Long.MIN_VALUE;
  }
}
