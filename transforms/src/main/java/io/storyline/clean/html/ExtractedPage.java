package io.storyline.clean.html;

import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * What {@link HtmlArticleExtractor} found on one HTML page: the article body and the page's
 * metadata. Immutable; every field but {@link #text()} may be null, and the text may be empty when
 * the page holds no article.
 */
public final class ExtractedPage {
  private static final ExtractedPage EMPTY = new ExtractedPage(null, null, null, null, null, "");

  private final @Nullable String title;
  private final @Nullable Instant published;
  private final @Nullable String siteName;
  private final @Nullable String canonicalUrl;
  private final @Nullable String language;
  private final String text;

  public ExtractedPage(
      @Nullable String title,
      @Nullable Instant published,
      @Nullable String siteName,
      @Nullable String canonicalUrl,
      @Nullable String language,
      String text) {
    this.title = title;
    this.published = published;
    this.siteName = siteName;
    this.canonicalUrl = canonicalUrl;
    this.language = language;
    this.text = Objects.requireNonNull(text, "text");
  }

  /** A page with no metadata and no text. */
  public static ExtractedPage empty() {
    return EMPTY;
  }

  /** The headline. */
  public @Nullable String title() {
    return title;
  }

  /** When the article was first published. */
  public @Nullable Instant published() {
    return published;
  }

  /** The outlet's name, or the host of the page's URL when the page does not name it. */
  public @Nullable String siteName() {
    return siteName;
  }

  /** The page's canonical URL. */
  public @Nullable String canonicalUrl() {
    return canonicalUrl;
  }

  /** Two-letter ISO 639-1 code of the page's declared language, when there is one. */
  public @Nullable String language() {
    return language;
  }

  /** The article body, paragraphs separated by blank lines; empty when none was found. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ExtractedPage)) {
      return false;
    }
    ExtractedPage that = (ExtractedPage) o;
    return Objects.equals(title, that.title)
        && Objects.equals(published, that.published)
        && Objects.equals(siteName, that.siteName)
        && Objects.equals(canonicalUrl, that.canonicalUrl)
        && Objects.equals(language, that.language)
        && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, published, siteName, canonicalUrl, language, text);
  }

  @Override
  public String toString() {
    return "ExtractedPage{title="
        + title
        + ", published="
        + published
        + ", siteName="
        + siteName
        + ", canonicalUrl="
        + canonicalUrl
        + ", language="
        + language
        + ", text="
        + (text.length() > 80 ? text.substring(0, 80) + "..." : text)
        + "}";
  }
}
