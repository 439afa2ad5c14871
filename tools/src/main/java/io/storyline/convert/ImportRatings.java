package io.storyline.convert;

import io.storyline.ratings.Bias;
import io.storyline.ratings.CsvRecords;
import io.storyline.ratings.Domains;
import io.storyline.ratings.Factuality;
import io.storyline.ratings.OutletRating;
import io.storyline.ratings.RatingsFormatException;
import io.storyline.ratings.SourceRatings;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Converts published outlet ratings into the {@code --sourceRatings} format.
 *
 * <ul>
 *   <li>{@code allsides}: the {@code allsides_data.csv} of favstats/AllSideR ({@code
 *       news_source}, {@code rating}, …). AllSides gives no outlet domains, so outlets are
 *       matched by name; {@code left-center} becomes {@code lean_left}, {@code right-center}
 *       {@code lean_right}; {@code allsides} (mixed) leaves the bias empty.
 *   <li>{@code mbfc}: a Media Bias/Fact Check derived CSV with {@code source} (a domain), {@code
 *       bias}, {@code factual_reporting} and {@code country}, as in idiap/News-Media-Reliability.
 *       {@code least biased} becomes {@code center}, {@code extreme left}/{@code far left}
 *       {@code far_left}; a bias off the left–right scale (satire, pro-science, questionable…)
 *       is left empty.
 * </ul>
 *
 * A source given twice keeps its first line; a line without a usable domain or name is skipped.
 * Both are counted on standard error.
 *
 * <pre>ImportRatings allsides|mbfc IN OUT</pre>
 */
public final class ImportRatings {
  private static final Map<String, Bias> BIAS = new HashMap<>();

  static {
    BIAS.put("extreme left", Bias.FAR_LEFT);
    BIAS.put("far left", Bias.FAR_LEFT);
    BIAS.put("left", Bias.LEFT);
    BIAS.put("left-center", Bias.LEAN_LEFT);
    BIAS.put("lean left", Bias.LEAN_LEFT);
    BIAS.put("center", Bias.CENTER);
    BIAS.put("least biased", Bias.CENTER);
    BIAS.put("right-center", Bias.LEAN_RIGHT);
    BIAS.put("lean right", Bias.LEAN_RIGHT);
    BIAS.put("right", Bias.RIGHT);
    BIAS.put("extreme right", Bias.FAR_RIGHT);
    BIAS.put("far right", Bias.FAR_RIGHT);
  }

  /** What a conversion kept and skipped. */
  public record Result(List<OutletRating> ratings, int duplicates, int skipped) {}

  private ImportRatings() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3 || !List.of("allsides", "mbfc").contains(args[0])) {
      System.err.println("usage: ImportRatings allsides|mbfc IN OUT");
      System.exit(2);
    }
    Result result;
    try (Reader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
      result = convert(args[0], args[1], in);
    }
    try (Writer out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
      SourceRatings.write(result.ratings(), out);
    }
    System.err.printf(Locale.ROOT, "%d outlets written to %s; %d repeated and %d unusable lines"
        + " skipped%n", result.ratings().size(), args[2], result.duplicates(), result.skipped());
  }

  /** Converts a file of the given format ({@code allsides} or {@code mbfc}). */
  public static Result convert(String format, String file, Reader in) throws IOException {
    List<CsvRecords.Row> rows = CsvRecords.read(file, in);
    if (rows.isEmpty()) {
      throw new RatingsFormatException(file, 1, "no header");
    }
    Map<String, Integer> column = new HashMap<>();
    List<String> header = rows.get(0).fields();
    for (int i = 0; i < header.size(); i++) {
      column.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    boolean allsides = format.equals("allsides");
    for (String needed : allsides ? List.of("news_source", "rating")
        : List.of("source", "bias", "factual_reporting")) {
      if (!column.containsKey(needed)) {
        throw new RatingsFormatException(file, 1, "no '" + needed + "' column for " + format);
      }
    }
    List<OutletRating> ratings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    int skipped = 0;
    for (CsvRecords.Row row : rows.subList(1, rows.size())) {
      OutletRating r;
      if (allsides) {
        String name = field(row, column, "news_source");
        r = name == null ? null
            : new OutletRating(null, name, bias(field(row, column, "rating")), null, null, null);
      } else {
        String domain = Domains.normalize(orEmpty(field(row, column, "source")));
        r = domain == null ? null
            : new OutletRating(domain, null, bias(field(row, column, "bias")),
                factuality(field(row, column, "factual_reporting")), null,
                field(row, column, "country"));
      }
      if (r == null) {
        skipped++;
      } else if (!seen.add(r.outlet().toLowerCase(Locale.ROOT))) {
        duplicates++;
      } else {
        ratings.add(r);
      }
    }
    return new Result(ratings, duplicates, skipped);
  }

  private static @Nullable Bias bias(@Nullable String label) {
    return label == null ? null : BIAS.get(label.toLowerCase(Locale.ROOT));
  }

  private static @Nullable Factuality factuality(@Nullable String label) {
    return label == null ? null : Factuality.fromLabel(label.replace(' ', '_'));
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  /** A field's text, stripped; null when empty, {@code NA} or missing from a short line. */
  private static @Nullable String field(
      CsvRecords.Row row, Map<String, Integer> column, String name) {
    Integer at = column.get(name);
    if (at == null || at >= row.fields().size()) {
      return null;
    }
    String v = row.fields().get(at).strip();
    return v.isEmpty() || v.equals("NA") ? null : v;
  }
}
