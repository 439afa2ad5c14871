package io.storyline.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Countries, US states, Canadian provinces and major cities, each with the region it lies in
 * (a city's country or state), from {@code places.tsv}. Read once per JVM.
 */
public final class Gazetteer {
  /** A known place: its canonical name and the region a place value is compared by. */
  public static final class Place {
    public final String name;
    public final String region;
    public final String kind;

    Place(String name, String region, String kind) {
      this.name = name;
      this.region = region;
      this.kind = kind;
    }
  }

  /** Longest place name, in words. */
  public static final int MAX_WORDS = 5;

  private static final Map<String, Place> PLACES = load();

  private Gazetteer() {}

  /** The place with this name (case-insensitive, a leading "the" ignored), or null. */
  public static @Nullable Place lookup(String name) {
    String key = name.toLowerCase(Locale.ROOT).replace('’', '\'');
    if (key.startsWith("the ")) {
      key = key.substring(4);
    }
    return PLACES.get(key);
  }

  private static Map<String, Place> load() {
    Map<String, Place> places = new HashMap<>();
    try (InputStream in = Gazetteer.class.getResourceAsStream("places.tsv")) {
      if (in == null) {
        throw new IllegalStateException("places.tsv is not on the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        String name = cols[0].replaceAll(" State$", "");
        places.putIfAbsent(
            cols[0].toLowerCase(Locale.ROOT), new Place(name, cols[1], cols[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return places;
  }
}
