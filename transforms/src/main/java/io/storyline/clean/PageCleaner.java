package io.storyline.clean;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Cuts a scraped plain-text page down to its article: title, paragraphs, and a record of what was
 * removed and why. Pure, stateless and thread-safe. Time and memory are linear in the part of
 * the page examined, and that part is bounded: at most {@value #MAX_PAGE_CHARS} characters and
 * {@value #MAX_UNITS} units; the rest of a larger page is not cleaned and not kept, and counts as
 * one {@link CleaningRule#PAGE_LIMIT} removal. No rule compares a unit with more than a constant
 * number of others, and the regular expressions only run on units of bounded length.
 *
 * <p>The page is first split into lines; hard-wrapped lines are joined back into one unit: a line
 * that does not end a sentence and ends with a comma or an open word ("the", "into"), or is
 * followed by a line starting with a lower-case word. Bullet items never continue a line. Each unit
 * is then judged by its shape, in this order, the first rule that applies winning:
 *
 * <ol>
 *   <li>{@link CleaningRule#ID_RUN}, {@link CleaningRule#NUMERIC_LINE}, {@link
 *       CleaningRule#PERCENTAGE_LINE}: identifiers, numbers and counters, short percentage lines.
 *   <li>{@link CleaningRule#BOILERPLATE_PHRASE}: two {@link BoilerplatePhrases} families in a
 *       paragraph of up to 150 words, or one in up to 40 words.
 *   <li>{@link CleaningRule#ERROR_BANNER}: status codes and error or apology lines above the first
 *       paragraph, if at least one of them is a status line or clear error-page wording.
 *   <li>{@link CleaningRule#LINK_LIST}: a "Most popular"/"Related"/... heading and the
 *       headline-like lines under it, up to the next sentence.
 *   <li>{@link CleaningRule#TITLE_LINE}: the title line (first substantial line above the article)
 *       and every repeat of it or of the declared title.
 *   <li>{@link CleaningRule#CHROME_RUN} and {@link CleaningRule#HEADING}: every remaining short
 *       line that is not a sentence goes; in a run of three or more, or next to boilerplate, it
 *       counts as chrome, otherwise as a section heading. Section headings are not kept in the
 *       paragraphs. Exception: bullet items under a sentence ending in a colon are list content.
 *   <li>{@link CleaningRule#ORPHAN_SENTENCE}: a short sentence (under 12 words, in a run of such
 *       sentences under 12 words in all) stays only if the nearest kept paragraph or boilerplate on
 *       either side is a paragraph.
 *   <li>{@link CleaningRule#DUPLICATE_PARAGRAPH}: repeats of a kept paragraph, compared after
 *       folding case, punctuation and white space; a truncated copy (a prefix) or one sharing 90%
 *       of its words also counts. The first position is kept, with the fuller text.
 * </ol>
 *
 * <p>Sentences with terminal punctuation (including "…", CJK and Arabic marks) of 12 or more words,
 * and any text of 40 or more words that is not in title case, are paragraphs. Bullet items that are
 * sentences are paragraphs too; their marker is written as {@code "- "}.
 */
public final class PageCleaner {

  /** At most this many removals are listed in {@link CleanedPage#removals()}. */
  public static final int MAX_LISTED_REMOVALS = 500;

  /**
   * At most this many characters of a page are examined: about six times the longest article
   * text of the development sets (53 KB) and three times what extraction reads of a body. A page
   * is cut at its last line break (or space) before the limit.
   */
  public static final int MAX_PAGE_CHARS = 300_000;

  /**
   * At most this many units (lines, hard-wrapped lines joined) are examined: ten times the most
   * lines a real page of the development sets has (479). It bounds the page's objects as the
   * character limit bounds its text, e.g. for a page of 100,000 one-word lines.
   */
  public static final int MAX_UNITS = 5_000;

  /** A unit longer than this is never a web address (the test copies and matches all of it). */
  static final int URL_MAX_CHARS = 4_000;

  /**
   * A declared title or title line longer than this is not compared with the page's lines: no
   * headline is that long, and each comparison costs the title's length.
   */
  static final int TITLE_MATCH_MAX_CHARS = 1_000;

  /** How far past the examined part the cleaner looks to tell a cut page from trailing space. */
  static final int CUT_LOOKAHEAD_CHARS = 1_000;

  /** A sentence of this many words is a paragraph on its own. */
  static final int PARAGRAPH_MIN_WORDS = 12;

  /** Text of this many words is a paragraph even without sentence punctuation. */
  static final int LONG_TEXT_MIN_WORDS = 40;

  /** Letters that make a paragraph in scripts written without spaces. */
  static final int LONG_TEXT_MIN_LETTERS = 200;

  /** Fewer words than this is never a sentence ("Sorry!!", "No comment."). */
  static final int SENTENCE_MIN_WORDS = 3;

  /** A line this long, not ending a sentence, may continue on the next line. */
  static final int WRAPPED_LINE_MIN_WORDS = 3;

  /** Title-case is judged on lines shorter than this; longer ones are prose. */
  static final int TITLE_CASE_MAX_WORDS = 25;

  static final int TITLE_CASE_MAX_CHARS = 300;

  /**
   * Phrase patterns only run on units up to this many characters, so that text without spaces
   * cannot make them costly.
   */
  static final int PHRASE_MAX_CHARS = 2000;

  static final int BANNER_MAX_CHARS = 400;

  /** The error banner is looked for in the page's first units only. */
  static final int BANNER_MAX_UNITS = 50;

  static final int TITLE_MIN_WORDS = 3;
  static final int TITLE_MAX_WORDS = 30;
  static final int BANNER_MAX_WORDS = 30;
  static final int LINK_HEADING_MAX_WORDS = 6;
  static final int COUNTER_MAX_WORDS = 3;
  static final int PERCENTAGE_MAX_WORDS = 10;
  static final int RELATIVE_TIME_MAX_WORDS = 6;
  static final int CHROME_RUN_MIN_LINES = 3;
  static final int ID_TOKEN_MIN_CHARS = 16;
  static final int NEAR_DUPLICATE_KEY_WORDS = 8;
  static final int NEAR_DUPLICATE_BUCKET_MAX = 16;
  static final double NEAR_DUPLICATE_JACCARD = 0.9;
  static final int EXCERPT_CHARS = 100;

  private static final Pattern RELATIVE_TIME =
      Pattern.compile(
          "\\b\\d{1,4} ?(?:s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?"
              + "|years?) ago\\b");

  /** Words after which an English sentence cannot stop: a line ending with one was wrapped. */
  private static final Set<String> OPEN_WORDS =
      Set.of(
          "a", "an", "the", "of", "to", "in", "into", "on", "onto", "at", "by", "for", "with",
          "from", "and", "or", "nor", "but", "than", "its", "their", "his", "our", "your", "whose",
          "between");

  /** Short words that stay lower case in a title-case headline. */
  private static final Set<String> TITLE_CASE_EXEMPT =
      Set.of(
          "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
          "with", "from", "into", "onto", "over", "as", "via", "vs", "amid", "than", "until",
          "upon", "per", "off", "up", "out", "is", "are", "be");

  private PageCleaner() {}

  /** How a unit reads, before any rule looks at it. */
  private enum Shape {
    /** A paragraph: a sentence of 12+ words, or long prose. */
    PARAGRAPH,
    /** A sentence of 3 to 11 words. */
    SHORT_SENTENCE,
    /** Anything else: headings, labels, headlines, counters. */
    NON_SENTENCE,
    /** A non-sentence bullet item under a sentence ending in a colon. */
    LIST_ITEM
  }

  /** One logical line of the page: a line, or hard-wrapped lines joined back together. */
  private static final class Unit {
    final String core;
    final boolean bullet;
    final boolean symbolBullet;
    final int words;
    final boolean endsSentence;
    final boolean endsWithColon;
    final boolean titleCase;
    Shape shape;
    @Nullable CleaningRule removedBy;
    private @Nullable String lower;
    private @Nullable String key;

    Unit(String text) {
      int markerEnd = symbolBulletEnd(text);
      if (markerEnd > 0) {
        this.symbolBullet = true;
        this.bullet = true;
        this.core = text.substring(markerEnd).strip();
      } else {
        this.symbolBullet = false;
        this.bullet = isNumberedItem(text);
        this.core = text;
      }
      TextStats stats = TextStats.of(core);
      this.words = stats.words;
      this.endsSentence = endsSentence(core);
      this.endsWithColon = endsWithColon(core);
      this.titleCase = words < TITLE_CASE_MAX_WORDS && isTitleCase(core);
      boolean sentenceLike = endsSentence || hasInnerSentenceEnd(core);
      if (!titleCase
          && (words >= LONG_TEXT_MIN_WORDS
              || (sentenceLike && words >= PARAGRAPH_MIN_WORDS)
              || stats.letters >= LONG_TEXT_MIN_LETTERS)) {
        this.shape = Shape.PARAGRAPH;
      } else if (!titleCase && sentenceLike && words >= SENTENCE_MIN_WORDS) {
        this.shape = Shape.SHORT_SENTENCE;
      } else {
        this.shape = Shape.NON_SENTENCE;
      }
    }

    String text() {
      return symbolBullet ? "- " + core : core;
    }

    String lower() {
      if (lower == null) {
        lower = core.toLowerCase(Locale.ROOT);
      }
      return lower;
    }

    String key() {
      if (key == null) {
        key = foldKey(core);
      }
      return key;
    }

    boolean kept() {
      return removedBy == null;
    }

    boolean isKeptContent() {
      return removedBy == null && (shape == Shape.PARAGRAPH || shape == Shape.LIST_ITEM);
    }

    /** Boilerplate for the neighbourhood of short sentences: not titles or headings. */
    boolean isBoilerplate() {
      return removedBy != null
          && removedBy != CleaningRule.TITLE_LINE
          && removedBy != CleaningRule.HEADING
          && removedBy != CleaningRule.DUPLICATE_PARAGRAPH;
    }
  }

  /**
   * Cleans one page.
   *
   * @param declaredTitle the title from the record's metadata, if any; it becomes the result's
   *     title, and lines repeating it are removed
   * @param rawText the page as scraped plain text; {@code null} is treated as empty
   */
  public static CleanedPage clean(@Nullable String declaredTitle, String rawText) {
    return clean(declaredTitle, rawText, true);
  }

  /**
   * Cleans text that an upstream extractor already cut down to the article (a JSON Lines record's
   * {@code text}, the main text of an HTML page): only the rules that cannot hurt a short, clean
   * article apply — web addresses, id runs, counters, boilerplate phrases, banners, link lists,
   * title repeats and repeated paragraphs. The layout rules for scraped pages (short lines, orphan
   * sentences) would empty a three-sentence news brief, so they stay off.
   */
  public static CleanedPage cleanArticleText(@Nullable String declaredTitle, String text) {
    return clean(declaredTitle, text, false);
  }

  private static CleanedPage clean(@Nullable String declaredTitle, String rawText, boolean scraped) {
    String declared =
        declaredTitle == null || declaredTitle.isBlank() || isUrl(declaredTitle)
            ? null
            : normaliseSpace(declaredTitle);
    String raw = rawText == null ? "" : rawText;
    Units split = toUnits(raw, examinedEnd(raw));
    List<Unit> units = split.units;

    for (Unit u : units) {
      u.removedBy = shapeRule(u);
    }
    markErrorBanner(units);
    markLinkLists(units);
    Unit titleLine = findTitleLine(units);
    markTitleLines(units, titleLine, declared);
    if (scraped) {
      markListItems(units);
      markShortLines(units);
      markOrphanSentences(units);
    }
    List<Unit> paragraphs = removeDuplicates(units);

    List<String> texts = new ArrayList<>(paragraphs.size());
    int words = 0;
    for (Unit p : paragraphs) {
      texts.add(p.text());
      words += p.words;
    }
    List<CleanedPage.Removal> removals = new ArrayList<>();
    Map<CleaningRule, Integer> counts = new EnumMap<>(CleaningRule.class);
    for (Unit u : units) {
      if (u.removedBy != null) {
        counts.merge(u.removedBy, 1, Integer::sum);
        if (removals.size() < MAX_LISTED_REMOVALS) {
          removals.add(new CleanedPage.Removal(u.removedBy, excerpt(u.text())));
        }
      }
    }
    if (isCut(raw, split.examined)) {
      counts.put(CleaningRule.PAGE_LIMIT, 1);
      if (removals.size() < MAX_LISTED_REMOVALS) {
        removals.add(new CleanedPage.Removal(CleaningRule.PAGE_LIMIT,
            excerpt(normaliseSpace(raw.substring(split.examined,
                Math.min(raw.length(), split.examined + 2 * EXCERPT_CHARS))).strip())));
      }
    }
    String title = declared;
    if (title == null && titleLine != null && !texts.isEmpty()) {
      title = titleLine.core;
    }
    return new CleanedPage(title, texts, words, removals, counts);
  }

  // ---------------------------------------------------------------------------------------------
  // Lines and units

  /** The units of a page, and how many of its characters they cover. */
  private static final class Units {
    final List<Unit> units;
    final int examined;

    Units(List<Unit> units, int examined) {
      this.units = units;
      this.examined = examined;
    }
  }

  /**
   * Where the examined part of a page ends: the whole page if it is within {@link
   * #MAX_PAGE_CHARS}, else just after its last line break before the limit, or its last space
   * if no line break falls in the limit's second half, or the limit itself.
   */
  static int examinedEnd(String raw) {
    if (raw.length() <= MAX_PAGE_CHARS) {
      return raw.length();
    }
    int end = raw.lastIndexOf('\n', MAX_PAGE_CHARS - 1) + 1;
    if (end < MAX_PAGE_CHARS / 2) {
      end = raw.lastIndexOf(' ', MAX_PAGE_CHARS - 1) + 1;
    }
    if (end < MAX_PAGE_CHARS / 2) {
      end = MAX_PAGE_CHARS;
    }
    return Character.isHighSurrogate(raw.charAt(end - 1)) ? end - 1 : end;
  }

  /** Whether text follows the examined part: anything but white space soon after it. */
  private static boolean isCut(String raw, int examined) {
    int look = Math.min(raw.length(), examined + CUT_LOOKAHEAD_CHARS);
    for (int i = examined; i < look; i++) {
      if (!Character.isWhitespace(raw.charAt(i)) && !Character.isSpaceChar(raw.charAt(i))) {
        return true;
      }
    }
    return raw.length() > look;
  }

  /**
   * Splits the first {@code end} characters into lines, normalises white space, and joins
   * hard-wrapped lines, stopping before the line that would make a unit past {@link #MAX_UNITS}.
   */
  private static Units toUnits(String raw, int end) {
    List<Unit> units = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    StringBuilder line = new StringBuilder();
    int lastLineWords = 0;
    int n = end;
    int lineStart = 0;
    int i = 0;
    while (i <= n) {
      char c = i < n ? raw.charAt(i) : '\n';
      boolean lineEnd = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
      if (!lineEnd) {
        appendNormalised(line, c);
        i++;
        continue;
      }
      if (c == '\r' && i + 1 < n && raw.charAt(i + 1) == '\n') {
        i++;
      }
      i++;
      String text = stripTrailingSpace(line);
      line.setLength(0);
      if (text.isEmpty()) {
        flush(pending, units);
      } else if (pending.length() > 0 && continuesLine(pending, lastLineWords, text)) {
        if (!endsWithHyphenatedWord(pending) && !joinsWithoutSpace(pending, text)) {
          pending.append(' ');
        }
        pending.append(text);
      } else {
        flush(pending, units);
        if (units.size() >= MAX_UNITS) {
          return new Units(units, lineStart);
        }
        pending.append(text);
      }
      lastLineWords = TextStats.of(text).words;
      lineStart = i;
    }
    flush(pending, units);
    return new Units(units, n);
  }

  private static void flush(StringBuilder pending, List<Unit> units) {
    if (pending.length() > 0) {
      units.add(new Unit(pending.toString()));
      pending.setLength(0);
    }
  }

  /** Appends {@code c} with white space collapsed, and invisible and control characters dropped. */
  private static void appendNormalised(StringBuilder sb, char c) {
    if (c == '\u200B'
        || c == '\u200C'
        || c == '\u200D'
        || c == '\u2060'
        || c == '\uFEFF'
        || c == '\u00AD') {
      return;
    }
    boolean space =
        Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    if (space) {
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
        sb.append(' ');
      }
    } else {
      sb.append(c);
    }
  }

  private static String stripTrailingSpace(StringBuilder sb) {
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    return sb.substring(0, end);
  }

  private static String normaliseSpace(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      appendNormalised(sb, c == '\n' || c == '\r' ? ' ' : c);
    }
    return stripTrailingSpace(sb);
  }

  /**
   * True if {@code next} continues the hard-wrapped line in {@code prev}: {@code prev} does not end
   * a sentence and {@code next} is not a bullet, and either {@code prev} ends with a comma or a
   * word that cannot end a sentence ("the", "into"), or {@code next} starts with a lower-case word
   * after a line of at least {@value #WRAPPED_LINE_MIN_WORDS} words, or both meet inside CJK text.
   */
  private static boolean continuesLine(CharSequence prev, int prevLineWords, String next) {
    if (symbolBulletEnd(next) > 0 || isNumberedItem(next) || endsSentence(prev)) {
      return false;
    }
    if (prev.charAt(prev.length() - 1) == ',' || joinsWithoutSpace(prev, next)) {
      return true;
    }
    if (prevLineWords < WRAPPED_LINE_MIN_WORDS) {
      return false;
    }
    return startsWithLowerCaseWord(next) || endsWithOpenWord(prev);
  }

  /** Ends with an article, preposition or conjunction: the sentence must go on. */
  private static boolean endsWithOpenWord(CharSequence s) {
    int end = s.length();
    int start = end;
    while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
      start--;
    }
    if (start == end || end - start > 7 || (start > 0 && s.charAt(start - 1) != ' ')) {
      return false;
    }
    return OPEN_WORDS.contains(s.subSequence(start, end).toString().toLowerCase(Locale.ROOT));
  }

  /** "information “as is”...", not "b60ce1f8-..." (a lower-case letter opening an identifier). */
  private static boolean startsWithLowerCaseWord(String s) {
    if (!Character.isLowerCase(s.codePointAt(0))) {
      return false;
    }
    int i = 0;
    while (i < s.length() && s.charAt(i) != ' ') {
      int cp = s.codePointAt(i);
      if (Character.isDigit(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static boolean joinsWithoutSpace(CharSequence prev, String next) {
    int last = Character.codePointBefore(prev, prev.length());
    return isCjk(last) && isCjk(next.codePointAt(0));
  }

  private static boolean endsWithHyphenatedWord(CharSequence s) {
    int n = s.length();
    return n >= 2 && s.charAt(n - 1) == '-' && Character.isLetter(s.charAt(n - 2));
  }

  /** The end of a symbol bullet marker and the space after it ("- ", "• ", "* "), or 0. */
  private static int symbolBulletEnd(String s) {
    if (s.length() < 3 || s.charAt(1) != ' ') {
      return 0;
    }
    return "-–—•*·▪►‣◦●○■□➢➤→✓✔".indexOf(s.charAt(0)) >= 0 ? 2 : 0;
  }

  /** "1. ", "12) ": a numbered list item. */
  private static boolean isNumberedItem(String s) {
    int i = 0;
    while (i < s.length() && i < 3 && Character.isDigit(s.charAt(i))) {
      i++;
    }
    return i > 0
        && i < 3
        && i + 1 < s.length()
        && (s.charAt(i) == '.' || s.charAt(i) == ')')
        && s.charAt(i + 1) == ' ';
  }

  // ---------------------------------------------------------------------------------------------
  // Text features

  /** Word and letter counts: a word is a run of letters or digits, or one Han/Kana character. */
  private static final class TextStats {
    final int words;
    final int letters;

    private TextStats(int words, int letters) {
      this.words = words;
      this.letters = letters;
    }

    static TextStats of(CharSequence s) {
      int words = 0;
      int letters = 0;
      boolean inWord = false;
      int i = 0;
      while (i < s.length()) {
        int cp = Character.codePointAt(s, i);
        i += Character.charCount(cp);
        if (isCjk(cp)) {
          words++;
          letters++;
          inWord = false;
        } else if (Character.isLetterOrDigit(cp)) {
          if (Character.isLetter(cp)) {
            letters++;
          }
          if (!inWord) {
            words++;
            inWord = true;
          }
        } else if (Character.isWhitespace(cp)) {
          inWord = false;
        } else if (Character.getType(cp) == Character.NON_SPACING_MARK
            || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
          letters++;
        }
      }
      return new TextStats(words, letters);
    }
  }

  private static boolean isCjk(int cp) {
    if (cp < 0x2E80) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  private static final String CLOSERS = "\"'”’»)]」』）›";
  private static final String SENTENCE_ENDS = ".!?…。！？؟۔।॥።။;；:：";

  /** The index after the last character that is not a closing quote or bracket. */
  private static int endBeforeClosers(CharSequence s) {
    int end = s.length();
    while (end > 0 && CLOSERS.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  /** Ends with sentence punctuation (a colon or semicolon included), closing quotes ignored. */
  private static boolean endsSentence(CharSequence s) {
    int end = endBeforeClosers(s);
    return end > 0 && SENTENCE_ENDS.indexOf(s.charAt(end - 1)) >= 0;
  }

  private static boolean endsWithFullStop(CharSequence s) {
    int end = endBeforeClosers(s);
    return end > 0 && ".。".indexOf(s.charAt(end - 1)) >= 0;
  }

  private static boolean endsWithColon(CharSequence s) {
    int end = endBeforeClosers(s);
    return end > 0 && (s.charAt(end - 1) == ':' || s.charAt(end - 1) == '：');
  }

  /** Has ". X" (a full stop, a space, an upper-case letter or quote) or a CJK full stop inside. */
  private static boolean hasInnerSentenceEnd(String s) {
    for (int i = 0; i + 2 < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '。' || c == '！' || c == '？') {
        return true;
      }
      if ((c == '.' || c == '!' || c == '?') && s.charAt(i + 1) == ' ') {
        char next = s.charAt(i + 2);
        if (Character.isUpperCase(next) || next == '"' || next == '“') {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Headline capitalisation: of the words that start with a cased letter (short function words
   * aside), at least two and 80% start upper case. False for scripts without case.
   */
  private static boolean isTitleCase(String s) {
    if (s.length() > TITLE_CASE_MAX_CHARS) {
      return false;
    }
    int considered = 0;
    int upper = 0;
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && !Character.isLetter(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < s.length() && s.charAt(i) != ' ') {
        i++;
      }
      if (start >= i) {
        continue;
      }
      char first = s.charAt(start);
      if (!Character.isUpperCase(first) && !Character.isLowerCase(first)) {
        continue;
      }
      if (TITLE_CASE_EXEMPT.contains(lettersOf(s, start, i))) {
        continue;
      }
      considered++;
      if (Character.isUpperCase(first)) {
        upper++;
      }
    }
    return considered >= 2 && upper * 5 >= considered * 4;
  }

  private static String lettersOf(String s, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /** Lower case, letters and digits only, single spaces: the text compared for repeats. */
  private static String foldKey(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        sb.appendCodePoint(Character.toLowerCase(cp));
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
        sb.append(' ');
      }
    }
    return stripTrailingSpace(sb);
  }

  private static String excerpt(String s) {
    return s.length() <= EXCERPT_CHARS ? s : s.substring(0, EXCERPT_CHARS) + "…";
  }

  // ---------------------------------------------------------------------------------------------
  // Rules on one unit

  private static @Nullable CleaningRule shapeRule(Unit u) {
    if (isIdRun(u.core)) {
      return CleaningRule.ID_RUN;
    }
    if (isUrl(u.core)) {
      return CleaningRule.URL_LINE;
    }
    if (u.shape != Shape.PARAGRAPH
        && u.shape != Shape.SHORT_SENTENCE
        && u.words <= PERCENTAGE_MAX_WORDS
        && hasPercentage(u.core)) {
      return CleaningRule.PERCENTAGE_LINE;
    }
    if (isNumeric(u)) {
      return CleaningRule.NUMERIC_LINE;
    }
    if (isBoilerplatePhrase(u)) {
      return CleaningRule.BOILERPLATE_PHRASE;
    }
    return null;
  }

  /**
   * A web address and nothing else, also when a tokenizer spaced it out ("http : / / www . x .
   * com / a - b"): a source link, not article text, and never a headline.
   */
  static boolean isUrl(String s) {
    if (s.length() > URL_MAX_CHARS) {
      return false;
    }
    String compact = WHITE_SPACE.matcher(s).replaceAll("");
    return URL.matcher(compact).matches();
  }

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final Pattern URL =
      Pattern.compile("(?i)(?:https?://|www\\.)[\\p{L}\\p{N}._~:/?#\\[\\]@!$&'()*+,;=%-]+");

  /** Mostly made of long hexadecimal tokens: UUIDs, hashes, glued runs of them. */
  private static boolean isIdRun(String s) {
    int idChars = 0;
    int nonSpace = 0;
    int tokenStart = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == ' ') {
        if (i > tokenStart && isIdToken(s, tokenStart, i)) {
          idChars += i - tokenStart;
        }
        nonSpace += i - tokenStart;
        tokenStart = i + 1;
      }
    }
    return idChars > 0 && idChars * 5 >= nonSpace * 3;
  }

  private static boolean isIdToken(String s, int from, int to) {
    if (to - from < ID_TOKEN_MIN_CHARS) {
      return false;
    }
    boolean digit = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (!((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-' || c == '_')) {
        return false;
      }
    }
    return digit;
  }

  /** Numbers only ("3", "1,204"), counters ("42 Articles", "21Serious") and "2 days ago". */
  private static boolean isNumeric(Unit u) {
    String s = u.core;
    boolean digit = false;
    boolean letter = false;
    for (int i = 0; i < s.length() && !(letter && digit); i++) {
      char c = s.charAt(i);
      digit |= Character.isDigit(c);
      letter |= Character.isLetter(c);
    }
    if (digit && !letter) {
      return true;
    }
    if (!digit || u.shape == Shape.PARAGRAPH || u.endsSentence) {
      return false;
    }
    if (u.words <= COUNTER_MAX_WORDS && Character.isDigit(s.charAt(0))) {
      return true;
    }
    return u.words <= RELATIVE_TIME_MAX_WORDS
        && s.length() <= BANNER_MAX_CHARS
        && RELATIVE_TIME.matcher(u.lower()).find();
  }

  private static boolean hasPercentage(String s) {
    for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
      int j = i - 1;
      if (j >= 0 && s.charAt(j) == ' ') {
        j--;
      }
      if (j >= 0 && Character.isDigit(s.charAt(j))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBoilerplatePhrase(Unit u) {
    if (u.words > BoilerplatePhrases.MULTI_HIT_MAX_WORDS || u.core.length() > PHRASE_MAX_CHARS) {
      return false;
    }
    String lower = u.lower();
    int families = 0;
    for (BoilerplatePhrases.Family family : BoilerplatePhrases.FAMILIES) {
      if (family.matches(lower)) {
        families++;
        if (families >= 2 || u.words <= BoilerplatePhrases.SINGLE_HIT_MAX_WORDS) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Rules on the page

  /**
   * Error banners: going down from the top to the first paragraph that is not part of the banner,
   * marks status lines and error or apology lines, if one of them is a status line or clear
   * error-page wording. A paragraph-length line counts only with both apology and error wording.
   */
  private static void markErrorBanner(List<Unit> units) {
    List<Unit> banner = new ArrayList<>();
    boolean strong = false;
    for (Unit u : units.subList(0, Math.min(units.size(), BANNER_MAX_UNITS))) {
      if (u.words <= BANNER_MAX_WORDS && u.core.length() <= BANNER_MAX_CHARS) {
        String lower = u.lower();
        boolean status = BoilerplatePhrases.STATUS_LINE.matcher(lower).matches();
        boolean strongWords = BoilerplatePhrases.ERROR_STRONG.matcher(lower).find();
        boolean weakWords = BoilerplatePhrases.ERROR_WEAK.matcher(lower).find();
        boolean candidate =
            u.shape == Shape.PARAGRAPH
                ? strongWords && weakWords
                : status || strongWords || weakWords;
        if (candidate) {
          banner.add(u);
          strong |= status || strongWords;
          continue;
        }
      }
      if (u.kept() && u.shape == Shape.PARAGRAPH) {
        break;
      }
    }
    if (strong) {
      for (Unit u : banner) {
        u.removedBy = CleaningRule.ERROR_BANNER;
      }
    }
  }

  /**
   * A link-list heading and the lines under it that are not sentences, bullets and headlines
   * included, up to the next paragraph or plain short sentence.
   */
  private static void markLinkLists(List<Unit> units) {
    int i = 0;
    while (i < units.size()) {
      Unit u = units.get(i++);
      if (u.shape == Shape.PARAGRAPH
          || u.words > LINK_HEADING_MAX_WORDS
          || u.core.length() > BANNER_MAX_CHARS
          || !BoilerplatePhrases.LINK_LIST_HEADING.matcher(u.lower()).find()) {
        continue;
      }
      if (u.kept()) {
        u.removedBy = CleaningRule.LINK_LIST;
      }
      while (i < units.size()) {
        Unit item = units.get(i);
        if (item.shape == Shape.PARAGRAPH || (item.shape == Shape.SHORT_SENTENCE && !item.bullet)) {
          break;
        }
        if (item.kept()) {
          item.removedBy = CleaningRule.LINK_LIST;
        }
        i++;
      }
    }
  }

  /**
   * The first substantial line above the article: not removed, not a bullet, 3 to 30 words, not a
   * sentence ending in a full stop. Null if a paragraph or such a sentence comes first.
   */
  private static @Nullable Unit findTitleLine(List<Unit> units) {
    for (Unit u : units) {
      if (!u.kept() || u.bullet) {
        continue;
      }
      if (u.shape == Shape.PARAGRAPH
          || (u.shape == Shape.SHORT_SENTENCE && endsWithFullStop(u.core))) {
        return null;
      }
      if (u.core.length() <= BANNER_MAX_CHARS && isDateLine(u.core)) {
        u.removedBy = CleaningRule.NUMERIC_LINE;
        continue;
      }
      if (u.words >= TITLE_MIN_WORDS
          && u.words <= TITLE_MAX_WORDS
          && u.core.length() <= TITLE_MATCH_MAX_CHARS) {
        return u;
      }
    }
    return null;
  }

  /**
   * A date or time stamp and nothing else ("Fri . , May . 3 , 2013 11 : 45 AM PDT", "Updated
   * 4:08 p.m. ET"): at most one word that is not a calendar word, a number or a time-zone mark.
   */
  static boolean isDateLine(String s) {
    int other = 0;
    boolean calendar = false;
    for (String token : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (DATE_WORDS.contains(token)) {
        calendar = true;
      } else if (Character.isDigit(token.charAt(0))) {
        calendar |= token.length() == 4;
      } else if (!TIME_MARKS.contains(token)) {
        other++;
      }
    }
    return calendar && other <= 1;
  }

  private static final Set<String> DATE_WORDS =
      Set.of("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
          "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
          "fri", "sat", "sun");

  private static final Set<String> TIME_MARKS =
      Set.of("am", "pm", "a", "p", "m", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt",
          "gmt", "utc", "bst", "cet", "cest", "updated", "published", "posted", "at", "on", "last");

  /** Removes the title line and every line that repeats it or the declared title. */
  private static void markTitleLines(
      List<Unit> units, @Nullable Unit titleLine, @Nullable String declared) {
    if (titleLine != null) {
      titleLine.removedBy = CleaningRule.TITLE_LINE;
    }
    List<String> titleKeys = new ArrayList<>(2);
    if (titleLine != null) {
      titleKeys.add(titleLine.key());
    }
    if (declared != null && declared.length() <= TITLE_MATCH_MAX_CHARS) {
      String k = foldKey(declared);
      if (!k.isEmpty()) {
        titleKeys.add(k);
      }
    }
    if (titleKeys.isEmpty()) {
      return;
    }
    int longest = titleKeys.stream().mapToInt(String::length).max().orElse(0);
    for (Unit u : units) {
      if (!u.kept() || u.core.length() > 2 * longest + 16) {
        continue;
      }
      for (String titleKey : titleKeys) {
        if (sameTitle(u, titleKey)) {
          u.removedBy = CleaningRule.TITLE_LINE;
          break;
        }
      }
    }
  }

  /**
   * Equal after folding, or, for a headline-shaped line, one is the other with a suffix such as " |
   * Outlet" (both at least 20 characters).
   */
  private static boolean sameTitle(Unit u, String titleKey) {
    String key = u.key();
    if (key.equals(titleKey)) {
      return true;
    }
    if (u.shape == Shape.PARAGRAPH || key.length() < 20 || titleKey.length() < 20) {
      return false;
    }
    return startsWithWords(key, titleKey) || startsWithWords(titleKey, key);
  }

  /** {@code s} is {@code head}, a space, and more (without building {@code head + " "}). */
  private static boolean startsWithWords(String s, String head) {
    return s.length() > head.length() && s.startsWith(head) && s.charAt(head.length()) == ' ';
  }

  /** Non-sentence bullet items under a sentence ending in a colon are list content. */
  private static void markListItems(List<Unit> units) {
    boolean inList = false;
    for (Unit u : units) {
      if (u.kept() && u.endsWithColon && u.shape != Shape.NON_SENTENCE) {
        inList = true;
      } else if (inList && u.bullet) {
        if (u.kept() && u.shape == Shape.NON_SENTENCE && u.words >= 2) {
          u.shape = Shape.LIST_ITEM;
        }
      } else {
        inList = false;
      }
    }
  }

  /**
   * Removes short non-sentence lines: as chrome in a run of three or more or next to boilerplate,
   * else as a heading. Title lines break runs.
   */
  private static void markShortLines(List<Unit> units) {
    int i = 0;
    while (i < units.size()) {
      int start = i;
      int shortLines = 0;
      boolean boilerplate = false;
      while (i < units.size()) {
        Unit u = units.get(i);
        if (u.kept() && u.shape == Shape.NON_SENTENCE) {
          shortLines++;
        } else if (u.isBoilerplate()) {
          boilerplate = true;
        } else {
          break;
        }
        i++;
      }
      if (i == start) {
        i++;
        continue;
      }
      CleaningRule rule =
          boilerplate || shortLines >= CHROME_RUN_MIN_LINES
              ? CleaningRule.CHROME_RUN
              : CleaningRule.HEADING;
      for (int j = start; j < i; j++) {
        Unit u = units.get(j);
        if (u.kept() && u.shape == Shape.NON_SENTENCE) {
          u.removedBy = rule;
        }
      }
    }
  }

  /**
   * Short sentences stay in a run of 12 words or more, or when the nearest paragraph-or-boilerplate
   * on either side is a kept paragraph; the page's edges count as boilerplate.
   *
   * <p>One pass each way instead of a search from every run, which was quadratic on a page of
   * short sentences between headings. Nothing after a run changes while the run is judged, so
   * what follows it is read from one sweep from the end; what precedes it is tracked on the way,
   * a removed run counting as boilerplate for the runs after it.
   */
  private static void markOrphanSentences(List<Unit> units) {
    int n = units.size();
    // contentFrom[j]: the nearest paragraph-or-boilerplate at or after j is a kept paragraph.
    boolean[] contentFrom = new boolean[n + 1];
    for (int j = n - 1; j >= 0; j--) {
      Unit u = units.get(j);
      contentFrom[j] = u.isKeptContent() || (!u.isBoilerplate() && contentFrom[j + 1]);
    }
    boolean contentBefore = false;
    int i = 0;
    while (i < n) {
      Unit u = units.get(i);
      if (!isPendingSentence(u)) {
        if (u.isKeptContent()) {
          contentBefore = true;
        } else if (u.isBoilerplate()) {
          contentBefore = false;
        }
        i++;
        continue;
      }
      int start = i;
      int words = 0;
      while (i < n && isPendingSentence(units.get(i))) {
        words += units.get(i).words;
        i++;
      }
      if (words >= PARAGRAPH_MIN_WORDS || contentBefore || contentFrom[i]) {
        continue;
      }
      for (int j = start; j < i; j++) {
        units.get(j).removedBy = CleaningRule.ORPHAN_SENTENCE;
      }
      contentBefore = false;
    }
  }

  private static boolean isPendingSentence(Unit u) {
    return u.kept() && u.shape == Shape.SHORT_SENTENCE;
  }

  /** A kept paragraph, with what is needed to compare it against later ones. */
  private static final class Kept {
    Unit unit;
    private @Nullable Set<String> words;

    Kept(Unit unit) {
      this.unit = unit;
    }

    Set<String> words() {
      if (words == null) {
        words = new HashSet<>(List.of(unit.key().split(" ")));
      }
      return words;
    }
  }

  /**
   * Keeps the first of repeated paragraphs. Exact repeats are found by their folded text; near
   * repeats (a truncated copy, or 90% shared words) among paragraphs that open with the same eight
   * words, comparing with at most 16 earlier ones per opening.
   */
  private static List<Unit> removeDuplicates(List<Unit> units) {
    List<Kept> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, List<Kept>> byOpening = new HashMap<>();
    for (Unit u : units) {
      if (!u.kept()) {
        continue;
      }
      String key = u.key();
      if (key.isEmpty() || !seen.add(key)) {
        u.removedBy = CleaningRule.DUPLICATE_PARAGRAPH;
        continue;
      }
      Kept current = new Kept(u);
      String opening = opening(key);
      if (opening == null) {
        kept.add(current);
        continue;
      }
      List<Kept> bucket = byOpening.computeIfAbsent(opening, k -> new ArrayList<>());
      Kept earlier = null;
      for (Kept k : bucket) {
        if (nearDuplicate(k, current)) {
          earlier = k;
          break;
        }
      }
      if (earlier == null) {
        kept.add(current);
        if (bucket.size() < NEAR_DUPLICATE_BUCKET_MAX) {
          bucket.add(current);
        }
      } else if (key.length() > earlier.unit.key().length() && key.startsWith(earlier.unit.key())) {
        // The earlier copy was cut short: keep its place, take the full text.
        earlier.unit.removedBy = CleaningRule.DUPLICATE_PARAGRAPH;
        u.removedBy = null;
        earlier.unit = u;
        earlier.words = null;
      } else {
        u.removedBy = CleaningRule.DUPLICATE_PARAGRAPH;
      }
    }
    List<Unit> result = new ArrayList<>(kept.size());
    for (Kept k : kept) {
      result.add(k.unit);
    }
    return result;
  }

  /** The first words of a folded key, or null if it has fewer. */
  private static @Nullable String opening(String key) {
    int spaces = 0;
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) == ' ' && ++spaces == NEAR_DUPLICATE_KEY_WORDS) {
        return key.substring(0, i);
      }
    }
    return null;
  }

  private static boolean nearDuplicate(Kept a, Kept b) {
    String ka = a.unit.key();
    String kb = b.unit.key();
    if (ka.startsWith(kb) || kb.startsWith(ka)) {
      return true;
    }
    Set<String> wa = a.words();
    Set<String> wb = b.words();
    int smaller = Math.min(wa.size(), wb.size());
    int larger = Math.max(wa.size(), wb.size());
    if (smaller < NEAR_DUPLICATE_JACCARD * larger) {
      return false;
    }
    int shared = 0;
    for (String w : wa.size() <= wb.size() ? wa : wb) {
      if ((wa.size() <= wb.size() ? wb : wa).contains(w)) {
        shared++;
      }
    }
    return shared >= NEAR_DUPLICATE_JACCARD * (wa.size() + wb.size() - shared);
  }
}
