package io.storyline.report;

import io.storyline.io.ParquetTableReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Prints a short reading of a finished job's tables: each story's headline and sources, its best
 * supported claims, the claims sources disagree on, and the rejected inputs by reason.
 *
 * <pre>StoryReport OUTPUT_DIR [TOP_CLAIMS]</pre>
 */
public final class StoryReport {
  private static final int MAX_STORIES = 20;

  private StoryReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: StoryReport OUTPUT_DIR [TOP_CLAIMS]");
      System.exit(2);
    }
    int topClaims = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    print(Path.of(args[0]), topClaims, System.out);
  }

  public static void print(Path output, int topClaims, PrintStream out) throws IOException {
    List<GenericRecord> stories = ParquetTableReader.readAll(output, "stories");
    List<GenericRecord> claims = ParquetTableReader.readAll(output, "claims");
    List<GenericRecord> articles = ParquetTableReader.readAll(output, "articles");
    List<GenericRecord> rejected = ParquetTableReader.readAll(output, "rejected");

    Map<String, List<GenericRecord>> claimsByStory = new HashMap<>();
    for (GenericRecord c : claims) {
      claimsByStory.computeIfAbsent(str(c, "story_id"), k -> new ArrayList<>()).add(c);
    }
    stories.sort(
        Comparator.comparing((GenericRecord s) -> -num(s, "source_count"))
            .thenComparing(s -> -num(s, "article_count"))
            .thenComparing(s -> str(s, "story_id")));
    out.printf("%d articles in %d stories, %d claims, %d rejected inputs%n%n",
        articles.size(), stories.size(), claims.size(), rejected.size());
    int shown = 0;
    for (GenericRecord story : stories) {
      if (shown++ == MAX_STORIES) {
        out.printf("… and %d more stories%n", stories.size() - MAX_STORIES);
        break;
      }
      out.printf("■ %s%n", str(story, "headline"));
      out.printf("  %s · %d articles from %d sources: %s%n", str(story, "story_id"),
          num(story, "article_count"), num(story, "source_count"), firstSources(story));
      List<GenericRecord> storyClaims =
          new ArrayList<>(claimsByStory.getOrDefault(str(story, "story_id"), List.of()));
      storyClaims.sort(
          Comparator.comparing((GenericRecord c) -> -num(c, "support_count"))
              .thenComparing(c -> str(c, "claim_id")));
      int listed = 0;
      for (GenericRecord c : storyClaims) {
        if (listed++ == topClaims || num(c, "support_count") < 2 && listed > 1) {
          break;
        }
        out.printf("  ✓ %d sources · %s %s %s: %s%n", num(c, "support_count"), str(c, "kind"),
            str(c, "predicate"), str(c, "value"), str(c, "text"));
      }
      Map<String, Boolean> slotsShown = new HashMap<>();
      for (GenericRecord c : storyClaims) {
        if (Boolean.TRUE.equals(c.get("contested")) && slotsShown.putIfAbsent(str(c, "slot"), true) == null) {
          out.printf("  ⚠ contested %s:", str(c, "slot"));
          for (Object v : (List<?>) c.get("variants")) {
            GenericRecord variant = (GenericRecord) v;
            out.printf(" %s (%s)", str(variant, "value"), variant.get("sources"));
          }
          out.println();
        }
      }
      out.println();
    }
    Map<String, Integer> reasons = new HashMap<>();
    for (GenericRecord r : rejected) {
      reasons.merge(str(r, "reason"), 1, Integer::sum);
    }
    if (!reasons.isEmpty()) {
      out.println("Rejected inputs by reason: " + reasons);
    }
  }

  private static final int SOURCES_SHOWN = 8;

  private static String firstSources(GenericRecord story) {
    List<?> sources = (List<?>) story.get("sources");
    if (sources.size() <= SOURCES_SHOWN) {
      return sources.toString();
    }
    return sources.subList(0, SOURCES_SHOWN) + " and " + (sources.size() - SOURCES_SHOWN) + " more";
  }

  private static String str(GenericRecord r, String field) {
    Object v = r.get(field);
    return v == null ? "" : v.toString();
  }

  private static int num(GenericRecord r, String field) {
    Object v = r.get(field);
    return v == null ? 0 : ((Number) v).intValue();
  }
}
