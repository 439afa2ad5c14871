package io.storyline.clean;

import java.util.Locale;

/**
 * Why {@link PageCleaner} removed a line or paragraph of a page. One rule per removed unit (the
 * first that applies); the codes are meant for metrics counters and debugging.
 */
public enum CleaningRule {
  /** HTTP status codes and "page not found"/apology text above the article. */
  ERROR_BANNER,
  /** The page's title line, and its repeats anywhere in the page. */
  TITLE_LINE,
  /** Runs of UUIDs, hashes or other long hexadecimal identifiers. */
  ID_RUN,
  /** A web address alone on its line: a source link, not article text. */
  URL_LINE,
  /** Lines that are only numbers, or counters such as "42 Articles" and "2 days ago". */
  NUMERIC_LINE,
  /** Short percentage lines such as "67% Center" (coverage and poll widgets). */
  PERCENTAGE_LINE,
  /**
   * Legal disclaimers, copyright, cookie and subscription prompts (see {@link BoilerplatePhrases}).
   */
  BOILERPLATE_PHRASE,
  /**
   * A "Most popular"/"Related"/"Recommended"/"Trending"/"Read more" heading and its headline list.
   */
  LINK_LIST,
  /** Short non-sentence lines that sit in a run of such lines or next to other boilerplate. */
  CHROME_RUN,
  /** A lone short non-sentence line between content: a section heading or a stray headline. */
  HEADING,
  /**
   * A short sentence whose nearest neighbours on both sides are boilerplate (or the page's edge).
   */
  ORPHAN_SENTENCE,
  /** An exact or near-exact repeat of an earlier paragraph. */
  DUPLICATE_PARAGRAPH,
  /**
   * The rest of a page past what is examined ({@link PageCleaner#MAX_PAGE_CHARS} characters,
   * {@link PageCleaner#MAX_UNITS} units): not cleaned and not kept. At most one per page.
   */
  PAGE_LIMIT;

  /** The rule's code in lower case, e.g. {@code error_banner}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
