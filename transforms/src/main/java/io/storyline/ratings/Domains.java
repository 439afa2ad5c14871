package io.storyline.ratings;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Web host names as outlets are matched by: lower case, without {@code www.}, {@code amp.}, {@code m.}. */
public final class Domains {
  /** Prefixes that name a variant of a site, not another outlet. */
  private static final List<String> VARIANT_PREFIXES = List.of("www.", "amp.", "m.");
  private static final Pattern HOST =
      Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
          + "(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");

  private Domains() {}

  /**
   * The host name in its matching form: lower case, no trailing dot, no port, no variant prefix
   * ({@code WWW.Example.com:443} → {@code example.com}); null when it is not a host name.
   */
  public static @Nullable String normalize(@Nullable String host) {
    if (host == null) {
      return null;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    int colon = h.lastIndexOf(':');
    if (colon > 0 && h.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      h = h.substring(0, colon);
    }
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String prefix : VARIANT_PREFIXES) {
        // Only while a domain of two labels at least is left: "m.com" stays.
        if (h.startsWith(prefix) && h.indexOf('.', prefix.length()) > 0) {
          h = h.substring(prefix.length());
          stripped = true;
        }
      }
    }
    return HOST.matcher(h).matches() ? h : null;
  }

  /** The normalized host of a web address, or null when it has none. */
  public static @Nullable String hostOf(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    try {
      URI uri = new URI(u.contains("://") ? u : "http://" + u);
      if (uri.getHost() != null) {
        return normalize(uri.getHost());
      }
    } catch (java.net.URISyntaxException e) {
      // Addresses in the wild break the URI grammar (spaces, non-ASCII): cut the host by hand.
    }
    String rest = u.contains("://") ? u.substring(u.indexOf("://") + 3) : u;
    int end = rest.length();
    for (char stop : new char[] {'/', '?', '#'}) {
      int at = rest.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    String authority = rest.substring(0, end);
    return normalize(authority.substring(authority.lastIndexOf('@') + 1));
  }

  /**
   * The host and each parent domain, longest first, down to two labels: {@code
   * edition.cnn.com}, {@code cnn.com}.
   */
  public static List<String> withParents(String host) {
    List<String> domains = new ArrayList<>();
    String d = host;
    while (d.indexOf('.') > 0) {
      domains.add(d);
      d = d.substring(d.indexOf('.') + 1);
    }
    return domains;
  }
}
