package io.storyline.ratings;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The ratings file of {@code --sourceRatings}: a CSV file with a header, one outlet per record.
 *
 * <pre>
 * domain,name,bias,factuality,owner,country
 * nytimes.com,The New York Times,lean_left,high,The New York Times Company,US
 * </pre>
 *
 * <p>Columns may come in any order; only {@code domain} must be there, and a record may leave
 * every field empty but one of {@code domain} and {@code name}. {@code bias} is one of {@link
 * Bias}'s labels, {@code factuality} one of {@link Factuality}'s. Anything else — an unknown
 * column or value, a record with more or fewer fields than the header, a domain that is not a
 * host name, a domain (or, for a record without one, a name) given twice — is an error naming
 * the line, raised while the job is built, before it runs.
 */
public final class SourceRatings {
  public static final List<String> COLUMNS =
      List.of("domain", "name", "bias", "factuality", "owner", "country");

  private SourceRatings() {}

  /** Reads and checks the ratings file at {@code path}, on any Beam filesystem. */
  public static List<OutletRating> read(String path) {
    try (Reader in =
        new InputStreamReader(
            Channels.newInputStream(
                FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId())),
            StandardCharsets.UTF_8)) {
      return parse(path, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ratings file " + path, e);
    }
  }

  /** Parses and checks a ratings file; {@code file} names it in errors. */
  public static List<OutletRating> parse(String file, Reader in) throws IOException {
    List<CsvRecords.Row> rows = CsvRecords.read(file, in);
    if (rows.isEmpty()) {
      throw new RatingsFormatException(file, 1, "no header: expected columns " + COLUMNS);
    }
    CsvRecords.Row header = rows.get(0);
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        throw new RatingsFormatException(file, header.line(),
            "unknown column '" + name + "'; the columns are " + COLUMNS);
      }
      if (column.put(name, i) != null) {
        throw new RatingsFormatException(file, header.line(), "column '" + name + "' twice");
      }
    }
    if (!column.containsKey("domain")) {
      throw new RatingsFormatException(file, header.line(), "no 'domain' column");
    }
    List<OutletRating> ratings = new ArrayList<>();
    Map<String, Integer> lineOfOutlet = new HashMap<>();
    for (CsvRecords.Row row : rows.subList(1, rows.size())) {
      if (row.fields().size() != header.fields().size()) {
        throw new RatingsFormatException(file, row.line(),
            row.fields().size() + " fields where the header has " + header.fields().size());
      }
      OutletRating rating = rating(file, row, column);
      String key = key(rating);
      Integer earlier = lineOfOutlet.putIfAbsent(key, row.line());
      if (earlier != null) {
        throw new RatingsFormatException(file, row.line(),
            (rating.domain() != null ? "domain " : "name ") + rating.outlet()
                + " is already rated on line " + earlier);
      }
      ratings.add(rating);
    }
    return ratings;
  }

  private static String key(OutletRating r) {
    return r.domain() != null ? "domain:" + r.domain() : "name:" + r.name().toLowerCase(Locale.ROOT);
  }

  private static OutletRating rating(String file, CsvRecords.Row row, Map<String, Integer> column) {
    String rawDomain = field(row, column, "domain");
    String domain = null;
    if (rawDomain != null) {
      domain = Domains.normalize(rawDomain);
      if (domain == null) {
        throw new RatingsFormatException(file, row.line(),
            "domain '" + rawDomain + "' is not a host name (e.g. nytimes.com)");
      }
    }
    String name = field(row, column, "name");
    if (domain == null && name == null) {
      throw new RatingsFormatException(file, row.line(), "neither a domain nor a name");
    }
    String biasLabel = field(row, column, "bias");
    Bias bias = biasLabel == null ? null : Bias.fromLabel(biasLabel);
    if (biasLabel != null && bias == null) {
      throw new RatingsFormatException(file, row.line(),
          "bias '" + biasLabel + "' is not one of " + Bias.labels());
    }
    String factualityLabel = field(row, column, "factuality");
    Factuality factuality = factualityLabel == null ? null : Factuality.fromLabel(factualityLabel);
    if (factualityLabel != null && factuality == null) {
      throw new RatingsFormatException(file, row.line(),
          "factuality '" + factualityLabel + "' is not one of " + Factuality.labels());
    }
    return new OutletRating(domain, name, bias, factuality,
        field(row, column, "owner"), field(row, column, "country"));
  }

  /** A field's text, stripped; null when empty or when the file has no such column. */
  private static @Nullable String field(CsvRecords.Row row, Map<String, Integer> column, String name) {
    Integer at = column.get(name);
    if (at == null) {
      return null;
    }
    String value = row.fields().get(at).strip();
    return value.isEmpty() ? null : value;
  }

  /** Writes ratings in this format, header first: what the converters produce. */
  public static void write(List<OutletRating> ratings, Writer out) throws IOException {
    out.write(String.join(",", COLUMNS));
    out.write('\n');
    for (OutletRating r : ratings) {
      String[] fields = {
        r.domain(), r.name(), r.bias() == null ? null : r.bias().label(),
        r.factuality() == null ? null : r.factuality().label(), r.owner(), r.country()
      };
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(fields[i] == null ? "" : CsvRecords.quote(fields[i]));
      }
      out.write('\n');
    }
  }
}
