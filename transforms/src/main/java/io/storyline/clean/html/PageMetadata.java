package io.storyline.clean.html;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.DateTimeZone;
import org.joda.time.Instant;
import org.joda.time.format.DateTimeFormatter;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The metadata of a page, read from its {@code <head>}, its Open Graph and article meta tags and its
 * schema.org JSON-LD, each field from the best source that has it.
 */
final class PageMetadata {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final DateTimeFormatter ISO_PARSER =
      org.joda.time.format.ISODateTimeFormat.dateTimeParser().withOffsetParsed();
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:»·/]{1,2}\\s+");
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");
  private static final Map<String, String> ISO3_TO_ISO2 = iso3ToIso2();
  private static final int MAX_JSON_LD_CHARS = 2_000_000;

  final @Nullable String title;
  final @Nullable Instant published;
  final @Nullable String siteName;
  final @Nullable String canonicalUrl;
  final @Nullable String language;

  private PageMetadata(
      @Nullable String title,
      @Nullable Instant published,
      @Nullable String siteName,
      @Nullable String canonicalUrl,
      @Nullable String language) {
    this.title = title;
    this.published = published;
    this.siteName = siteName;
    this.canonicalUrl = canonicalUrl;
    this.language = language;
  }

  /** Reads the metadata of {@code doc}; call it before any element is removed from the document. */
  static PageMetadata read(Document doc, @Nullable String pageUrl) {
    JsonLdArticle ld = readJsonLd(doc);
    Map<String, String> metas = metaTags(doc);
    String siteName =
        firstNonBlank(meta(metas, "og:site_name"), ld.publisher, meta(metas, "application-name"));
    String canonical = absolute(canonicalLink(doc), pageUrl);
    if (canonical == null) {
      canonical = firstNonBlank(absolute(meta(metas, "og:url"), pageUrl), blankToNull(pageUrl));
    }
    if (siteName == null) {
      siteName = host(canonical != null ? canonical : pageUrl);
    }
    String title =
        firstNonBlank(
            stripSiteSuffix(meta(metas, "og:title"), siteName, false),
            stripSiteSuffix(ld.headline, siteName, false),
            stripSiteSuffix(meta(metas, "twitter:title"), siteName, false));
    if (title == null) {
      title = text(doc.selectFirst("h1"));
    }
    if (title == null) {
      title = stripSiteSuffix(text(doc.selectFirst("title")), siteName, true);
    }
    Instant published =
        firstDate(
            ld.datePublished,
            meta(metas, "article:published_time"),
            meta(metas, "og:article:published_time"),
            meta(metas, "datePublished"),
            meta(metas, "date"),
            meta(metas, "pubdate"),
            meta(metas, "publish-date"),
            meta(metas, "sailthru.date"),
            meta(metas, "dc.date"),
            meta(metas, "dcterms.created"));
    if (published == null) {
      published = parseDate(attr(doc.selectFirst("time[datetime]"), "datetime"));
    }
    Element html = doc.firstElementChild();
    String language =
        firstNonBlank(
            normaliseLanguage(attr(html, "lang")),
            normaliseLanguage(attr(html, "xml:lang")),
            normaliseLanguage(meta(metas, "http-equiv:content-language")),
            normaliseLanguage(meta(metas, "og:locale")),
            normaliseLanguage(ld.inLanguage));
    return new PageMetadata(title, published, siteName, canonical, language);
  }

  private static @Nullable String canonicalLink(Document doc) {
    for (Element link : doc.getElementsByTag("link")) {
      if (link.attr("rel").trim().equalsIgnoreCase("canonical")) {
        String href = blankToNull(link.attr("href"));
        if (href != null) {
          return href;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // JSON-LD

  private static final class JsonLdArticle {
    @Nullable String headline;
    @Nullable String datePublished;
    @Nullable String publisher;
    @Nullable String inLanguage;
    boolean isArticle;
  }

  private static JsonLdArticle readJsonLd(Document doc) {
    JsonLdArticle best = new JsonLdArticle();
    for (Element script : doc.getElementsByTag("script")) {
      if (!script.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
        continue;
      }
      String json = script.data();
      if (json.isBlank() || json.length() > MAX_JSON_LD_CHARS) {
        continue;
      }
      JsonNode root;
      try {
        root = JSON.readTree(json.trim());
      } catch (Exception | StackOverflowError e) {
        continue;
      }
      if (root != null) {
        visit(root, best, 0);
      }
    }
    return best;
  }

  private static void visit(JsonNode node, JsonLdArticle out, int depth) {
    if (depth > 8) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode child : node) {
        visit(child, out, depth + 1);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    boolean article = isArticleType(node.get("@type"));
    if (article || (!out.isArticle && node.has("headline"))) {
      // An article object wins over a headline-only object seen earlier.
      if (article && !out.isArticle) {
        out.headline = null;
        out.datePublished = null;
        out.isArticle = true;
      }
      out.headline = firstNonBlank(out.headline, textOf(node.get("headline")));
      out.datePublished = firstNonBlank(out.datePublished, textOf(node.get("datePublished")));
      out.inLanguage = firstNonBlank(out.inLanguage, textOf(node.get("inLanguage")));
      out.publisher = firstNonBlank(out.publisher, nameOf(node.get("publisher")));
    }
    JsonNode graph = node.get("@graph");
    if (graph != null) {
      visit(graph, out, depth + 1);
    }
    JsonNode main = node.get("mainEntity");
    if (main != null && main.isContainerNode()) {
      visit(main, out, depth + 1);
    }
    JsonNode mainOfPage = node.get("mainEntityOfPage");
    if (mainOfPage != null && mainOfPage.isObject() && mainOfPage.has("@type")) {
      visit(mainOfPage, out, depth + 1);
    }
  }

  private static boolean isArticleType(@Nullable JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText("");
    return t.endsWith("Article") || t.endsWith("BlogPosting") || t.equals("Report");
  }

  private static @Nullable String nameOf(@Nullable JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        String name = nameOf(n);
        if (name != null) {
          return name;
        }
      }
      return null;
    }
    if (node.isObject()) {
      return textOf(node.get("name"));
    }
    return null;
  }

  private static @Nullable String textOf(@Nullable JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isArray()) {
      return node.size() > 0 ? textOf(node.get(0)) : null;
    }
    if (node.isObject()) {
      return textOf(node.has("@value") ? node.get("@value") : node.get("name"));
    }
    if (!node.isValueNode()) {
      return null;
    }
    String text = node.asText();
    if (text.indexOf('&') >= 0) {
      text = Parser.unescapeEntities(text, false);
    }
    return blankToNull(text);
  }

  // ---------------------------------------------------------------------------------------------
  // Fields

  /** The content of every meta tag, keyed by its lower-cased property, name or itemprop. */
  private static Map<String, String> metaTags(Document doc) {
    Map<String, String> out = new HashMap<>();
    for (Element m : doc.getElementsByTag("meta")) {
      String content = m.attr("content");
      if (content.isBlank()) {
        continue;
      }
      String httpEquiv = m.attr("http-equiv");
      if (!httpEquiv.isEmpty()) {
        out.putIfAbsent("http-equiv:" + httpEquiv.toLowerCase(Locale.ROOT), content.trim());
      }
      for (String key : new String[] {m.attr("property"), m.attr("name"), m.attr("itemprop")}) {
        if (!key.isEmpty()) {
          out.putIfAbsent(key.toLowerCase(Locale.ROOT), content.trim());
        }
      }
    }
    return out;
  }

  private static @Nullable String meta(Map<String, String> metas, String key) {
    return metas.get(key.toLowerCase(Locale.ROOT));
  }

  private static @Nullable String attr(@Nullable Element e, String name) {
    return e == null ? null : blankToNull(e.attr(name));
  }

  private static @Nullable String text(@Nullable Element e) {
    return e == null ? null : blankToNull(e.text());
  }

  /**
   * Removes an outlet name from the end (or start) of a title: "Headline | Outlet" gives
   * "Headline". With {@code anySuffix}, a short last part is removed even when the outlet is not
   * known, as {@code <title>} nearly always ends with one.
   */
  static @Nullable String stripSiteSuffix(
      @Nullable String title, @Nullable String siteName, boolean anySuffix) {
    if (title == null) {
      return null;
    }
    String t = title.replaceAll("\\s+", " ").trim();
    String[] parts = TITLE_SEPARATOR.split(t);
    if (parts.length < 2) {
      return blankToNull(t);
    }
    String site = siteName == null ? "" : normaliseName(siteName);
    String last = parts[parts.length - 1];
    String first = parts[0];
    if (!site.isEmpty() && sameName(last, site)) {
      return blankToNull(t.substring(0, t.length() - last.length()).replaceAll("[\\s|\\-–—:»·/]+$", ""));
    }
    if (!site.isEmpty() && sameName(first, site)) {
      return blankToNull(t.substring(first.length()).replaceAll("^[\\s|\\-–—:»·/]+", ""));
    }
    if (anySuffix && last.split(" ").length <= 4) {
      return blankToNull(t.substring(0, t.length() - last.length()).replaceAll("[\\s|\\-–—:»·/]+$", ""));
    }
    return blankToNull(t);
  }

  private static boolean sameName(String part, String normalisedSite) {
    String p = normaliseName(part);
    return !p.isEmpty()
        && (p.equals(normalisedSite) || p.contains(normalisedSite) || normalisedSite.contains(p));
  }

  private static String normaliseName(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("^www\\.|\\.(com|org|net|co\\.uk)$", "")
        .replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private static @Nullable Instant firstDate(@Nullable String... candidates) {
    for (String c : candidates) {
      Instant i = parseDate(c);
      if (i != null) {
        return i;
      }
    }
    return null;
  }

  /** Parses the date formats pages use: ISO 8601 variants and RFC 1123; no zone means UTC. */
  static @Nullable Instant parseDate(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String v = s.trim();
    if (v.length() < 8 || v.length() > 64) {
      return null;
    }
    String iso = v.replaceFirst("^(\\d{4}-\\d{2}-\\d{2})[ T](\\d)", "$1T$2")
        .replaceFirst("\\s*(UTC|GMT)$", "Z")
        .replaceFirst("\\s+([+-]\\d{2}:?\\d{2})$", "$1");
    try {
      return ISO_PARSER.withZone(DateTimeZone.UTC).parseDateTime(iso).toInstant();
    } catch (IllegalArgumentException e) {
      // Try the next format.
    }
    try {
      ZonedDateTime z = ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
      return new Instant(z.toInstant().toEpochMilli());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** "en-US", "en_GB", "EN", "eng" give "en"; anything that is not a language code gives null. */
  static @Nullable String normaliseLanguage(@Nullable String tag) {
    if (tag == null) {
      return null;
    }
    String t = tag.trim();
    if (!LANGUAGE_TAG.matcher(t).matches()) {
      return null;
    }
    String primary = t.split("[-_]")[0].toLowerCase(Locale.ROOT);
    if (primary.length() == 2) {
      return primary;
    }
    return ISO3_TO_ISO2.get(primary);
  }

  private static Map<String, String> iso3ToIso2() {
    Map<String, String> map = new TreeMap<>();
    for (String iso2 : Locale.getISOLanguages()) {
      try {
        map.put(new Locale(iso2).getISO3Language(), iso2);
      } catch (RuntimeException e) {
        // No three-letter code for this language.
      }
    }
    // Bibliographic codes that differ from the terminological ones Java returns.
    map.put("ger", "de");
    map.put("fre", "fr");
    map.put("dut", "nl");
    map.put("chi", "zh");
    map.put("cze", "cs");
    map.put("gre", "el");
    return map;
  }

  private static @Nullable String absolute(@Nullable String url, @Nullable String base) {
    if (url == null) {
      return null;
    }
    String u = url.trim();
    if (u.startsWith("//")) {
      return "https:" + u;
    }
    if (u.matches("(?i)^https?://.*")) {
      return u;
    }
    if (base == null) {
      return null;
    }
    try {
      return URI.create(base.trim()).resolve(u).toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static @Nullable String host(@Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      String h = URI.create(url.trim()).getHost();
      if (h == null) {
        return null;
      }
      h = h.toLowerCase(Locale.ROOT);
      return h.startsWith("www.") ? h.substring(4) : h;
    } catch (RuntimeException e) {
      return null;
    }
  }

  @SafeVarargs
  private static @Nullable String firstNonBlank(@Nullable String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return null;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
