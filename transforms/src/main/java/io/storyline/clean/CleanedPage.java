package io.storyline.clean;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The result of {@link PageCleaner#clean}: the article's title and paragraphs, and what was cut.
 */
public final class CleanedPage {

  /** One removed line or paragraph: the rule that removed it and the start of its text. */
  public record Removal(CleaningRule rule, String excerpt) {
    public Removal {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(excerpt, "excerpt");
    }

    @Override
    public String toString() {
      return rule.code() + ": " + excerpt;
    }
  }

  private final @Nullable String title;
  private final List<String> paragraphs;
  private final String body;
  private final int wordCount;
  private final List<Removal> removals;
  private final Map<CleaningRule, Integer> removedCounts;

  CleanedPage(
      @Nullable String title,
      List<String> paragraphs,
      int wordCount,
      List<Removal> removals,
      Map<CleaningRule, Integer> removedCounts) {
    this.title = title;
    this.paragraphs = List.copyOf(paragraphs);
    this.body = String.join("\n\n", this.paragraphs);
    this.wordCount = wordCount;
    this.removals = List.copyOf(removals);
    EnumMap<CleaningRule, Integer> counts = new EnumMap<>(CleaningRule.class);
    counts.putAll(removedCounts);
    this.removedCounts = Collections.unmodifiableMap(counts);
  }

  /**
   * The declared title if one was given, else the page's own title line (the first substantial line
   * above the article, a headline); {@code null} if there is neither, or if no title was declared
   * and no article was left.
   */
  public @Nullable String title() {
    return title;
  }

  /** The article's paragraphs in page order; empty if nothing article-like was left. */
  public List<String> paragraphs() {
    return paragraphs;
  }

  /** The paragraphs joined by blank lines. */
  public String body() {
    return body;
  }

  /**
   * Words in the body: runs of letters or digits, each Han, Hiragana or Katakana character counting
   * as one word.
   */
  public int wordCount() {
    return wordCount;
  }

  /** True if no paragraph was left: the caller should reject the page. */
  public boolean isEmpty() {
    return paragraphs.isEmpty();
  }

  /**
   * What was removed and why, in page order. Capped at {@link PageCleaner#MAX_LISTED_REMOVALS}
   * entries; {@link #removedCounts()} is always complete.
   */
  public List<Removal> removals() {
    return removals;
  }

  /** The removals as readable strings, {@code "rule_code: excerpt"}. */
  public List<String> removedReasons() {
    return removals.stream().map(Removal::toString).toList();
  }

  /** How many lines or paragraphs each rule removed; rules that removed nothing are absent. */
  public Map<CleaningRule, Integer> removedCounts() {
    return removedCounts;
  }

  /** How many lines or paragraphs {@code rule} removed. */
  public int removedCount(CleaningRule rule) {
    return removedCounts.getOrDefault(rule, 0);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof CleanedPage)) {
      return false;
    }
    CleanedPage p = (CleanedPage) o;
    return wordCount == p.wordCount
        && Objects.equals(title, p.title)
        && paragraphs.equals(p.paragraphs)
        && removals.equals(p.removals)
        && removedCounts.equals(p.removedCounts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, paragraphs);
  }

  @Override
  public String toString() {
    return "CleanedPage{title="
        + title
        + ", paragraphs="
        + paragraphs.size()
        + ", words="
        + wordCount
        + ", removed="
        + removedCounts
        + "}";
  }
}
