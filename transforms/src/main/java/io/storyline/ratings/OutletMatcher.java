package io.storyline.ratings;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Finds an article's outlet among the ratings: first by the host of its web address, then by
 * each parent domain of that host ({@code edition.cnn.com}, then {@code cnn.com}; {@code www.},
 * {@code amp.} and {@code m.} are ignored), then by its source — a source that is itself a host
 * name goes through the same steps, any other is compared with the outlets' names — case
 * insensitively. Where several outlets share a name, the first in the file is the one a name
 * finds.
 */
public final class OutletMatcher {
  private final Map<String, OutletRating> byDomain = new HashMap<>();
  private final Map<String, OutletRating> byName = new HashMap<>();

  public OutletMatcher(List<OutletRating> ratings) {
    for (OutletRating r : ratings) {
      if (r.domain() != null) {
        byDomain.putIfAbsent(r.domain(), r);
      }
      if (r.name() != null) {
        byName.putIfAbsent(nameKey(r.name()), r);
      }
    }
  }

  /** The rated outlet of an article with this address and source, or null when none is. */
  public @Nullable OutletRating match(@Nullable String url, @Nullable String source) {
    OutletRating byHost = byHost(Domains.hostOf(url));
    if (byHost != null) {
      return byHost;
    }
    if (source == null || source.isBlank()) {
      return null;
    }
    OutletRating bySourceHost = source.contains(" ") ? null : byHost(Domains.normalize(source));
    return bySourceHost != null ? bySourceHost : byName.get(nameKey(source));
  }

  private @Nullable OutletRating byHost(@Nullable String host) {
    if (host == null) {
      return null;
    }
    for (String domain : Domains.withParents(host)) {
      OutletRating r = byDomain.get(domain);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private static String nameKey(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
