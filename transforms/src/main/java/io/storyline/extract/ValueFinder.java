package io.storyline.extract;

import io.storyline.nlp.Token;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Finds the checkable values in a tokenised sentence and normalises them: years and calendar
 * dates ("until 2028", "July 31, 2025"), money ("$100 billion" → usd 100000000000), percentages
 * and counted quantities ("four more years" → 4 year). Places and quotes are found elsewhere.
 */
public final class ValueFinder {
  /** A value: tokens [start, end) of the sentence, shown as {@code display}, matched by {@code key}. */
  public static final class Value {
    public final String kind;
    public final int start;
    public final int end;
    public final String display;
    public final String key;

    Value(String kind, int start, int end, String display, String key) {
      this.kind = kind;
      this.start = start;
      this.end = end;
      this.display = display;
      this.key = key;
    }

    @Override
    public String toString() {
      return kind + ":" + key;
    }
  }

  private static final Pattern YEAR = Pattern.compile("(1[89]\\d\\d|20\\d\\d)");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:,\\d{3})*(?:\\.\\d+)?");

  static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2),
          Map.entry("feb", 2), Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4),
          Map.entry("apr", 4), Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6),
          Map.entry("july", 7), Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8),
          Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9),
          Map.entry("october", 10), Map.entry("oct", 10), Map.entry("november", 11),
          Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));

  private static final Map<String, Long> NUMBER_WORDS =
      Map.ofEntries(
          Map.entry("one", 1L), Map.entry("two", 2L), Map.entry("three", 3L),
          Map.entry("four", 4L), Map.entry("five", 5L), Map.entry("six", 6L),
          Map.entry("seven", 7L), Map.entry("eight", 8L), Map.entry("nine", 9L),
          Map.entry("ten", 10L), Map.entry("eleven", 11L), Map.entry("twelve", 12L),
          Map.entry("fifteen", 15L), Map.entry("twenty", 20L), Map.entry("thirty", 30L),
          Map.entry("forty", 40L), Map.entry("fifty", 50L), Map.entry("hundred", 100L),
          Map.entry("dozen", 12L));

  private static final Map<String, BigDecimal> SCALES =
      Map.of(
          "thousand", new BigDecimal("1e3"), "million", new BigDecimal("1e6"),
          "m", new BigDecimal("1e6"), "mn", new BigDecimal("1e6"),
          "billion", new BigDecimal("1e9"), "bn", new BigDecimal("1e9"),
          "b", new BigDecimal("1e9"), "trillion", new BigDecimal("1e12"),
          "tn", new BigDecimal("1e12"));

  private static final Map<String, String> CURRENCY_SYMBOLS =
      Map.of("$", "usd", "us$", "usd", "€", "eur", "£", "gbp", "¥", "jpy");

  private static final Map<String, String> CURRENCY_WORDS =
      Map.ofEntries(
          Map.entry("dollars", "usd"), Map.entry("dollar", "usd"), Map.entry("euros", "eur"),
          Map.entry("euro", "eur"), Map.entry("pounds", "gbp"), Map.entry("yuan", "cny"),
          Map.entry("yen", "jpy"), Map.entry("rubles", "rub"), Map.entry("roubles", "rub"),
          Map.entry("rupees", "inr"));

  private static final Set<String> NOT_UNITS =
      Set.of("of", "and", "or", "to", "in", "on", "at", "the", "a", "more", "percent", "per");

  private ValueFinder() {}

  /**
   * The values in a sentence. {@code tags} are universal POS tags aligned with {@code tokens}, or
   * null when the sentence is not tagged (counted quantities then need a plural-looking unit).
   */
  public static List<Value> find(List<Token> tokens, String @Nullable [] tags) {
    List<Value> values = new ArrayList<>();
    int n = tokens.size();
    int i = 0;
    while (i < n) {
      Value v = money(tokens, i);
      if (v == null) {
        v = percent(tokens, i);
      }
      if (v == null) {
        v = date(tokens, i);
      }
      if (v == null) {
        v = quantity(tokens, tags, i);
      }
      if (v != null) {
        values.add(v);
        i = v.end;
      } else {
        i++;
      }
    }
    return values;
  }

  private static @Nullable Value money(List<Token> tokens, int i) {
    String t = lower(tokens, i);
    String currency = CURRENCY_SYMBOLS.get(t);
    int numberAt = i + 1;
    if (currency == null && t.equals("us") && "$".equals(lower(tokens, i + 1))) {
      currency = "usd";
      numberAt = i + 2;
    }
    if (currency != null) {
      BigDecimal amount = number(tokens, numberAt);
      if (amount == null) {
        return null;
      }
      int end = numberAt + 1;
      BigDecimal scale = SCALES.get(lower(tokens, end));
      if (scale != null) {
        amount = amount.multiply(scale);
        end++;
      }
      return new Value("money", i, end, join(tokens, i, end), currency + " " + plain(amount));
    }
    BigDecimal amount = number(tokens, i);
    if (amount == null) {
      return null;
    }
    int end = i + 1;
    BigDecimal scale = SCALES.get(lower(tokens, end));
    if (scale != null && !lower(tokens, end).equals("m") && !lower(tokens, end).equals("b")) {
      amount = amount.multiply(scale);
      end++;
    }
    String word = CURRENCY_WORDS.get(lower(tokens, end));
    if (word == null) {
      return null;
    }
    return new Value("money", i, end + 1, join(tokens, i, end + 1), word + " " + plain(amount));
  }

  private static @Nullable Value percent(List<Token> tokens, int i) {
    BigDecimal amount = number(tokens, i);
    if (amount == null) {
      return null;
    }
    String next = lower(tokens, i + 1);
    if (next.equals("%") || next.equals("percent")) {
      return new Value("percent", i, i + 2, plain(amount) + "%", plain(amount) + "%");
    }
    if (next.equals("per") && lower(tokens, i + 2).equals("cent")) {
      return new Value("percent", i, i + 3, plain(amount) + "%", plain(amount) + "%");
    }
    return null;
  }

  private static @Nullable Value date(List<Token> tokens, int i) {
    String t = lower(tokens, i);
    Integer month = MONTHS.get(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
    if (month != null && tokens.get(i).isCapitalized()) {
      int end = i + 1;
      Integer day = dayOfMonth(lower(tokens, end));
      if (day != null) {
        end++;
      }
      int yearAt = lower(tokens, end).equals(",") ? end + 1 : end;
      String year = YEAR.matcher(lower(tokens, yearAt)).matches() ? lower(tokens, yearAt) : null;
      if (year != null) {
        end = yearAt + 1;
      }
      if (day == null && year == null) {
        return null;
      }
      String key =
          (year != null ? year + "-" : "") + String.format(Locale.ROOT, "%02d", month)
              + (day != null ? String.format(Locale.ROOT, "-%02d", day) : "");
      return new Value("date", i, end, join(tokens, i, end), key);
    }
    // "31 July 2025"
    Integer day = dayOfMonth(t);
    if (day != null) {
      Integer m = MONTHS.get(lower(tokens, i + 1));
      if (m != null && tokens.get(i + 1).isCapitalized()) {
        int end = i + 2;
        String year = YEAR.matcher(lower(tokens, end)).matches() ? lower(tokens, end) : null;
        if (year != null) {
          end++;
        }
        String key =
            (year != null ? year + "-" : "") + String.format(Locale.ROOT, "%02d-%02d", m, day);
        return new Value("date", i, end, join(tokens, i, end), key);
      }
    }
    if (t.length() == 4 && YEAR.matcher(t).matches()) {
      String next = lower(tokens, i + 1);
      String previous = i > 0 ? lower(tokens, i - 1) : "";
      if (next.equals("%") || next.equals("percent") || CURRENCY_SYMBOLS.containsKey(previous)) {
        return null;
      }
      return new Value("date", i, i + 1, t, t);
    }
    return null;
  }

  private static @Nullable Value quantity(List<Token> tokens, String @Nullable [] tags, int i) {
    String t = lower(tokens, i);
    BigDecimal amount = number(tokens, i);
    if (amount == null && NUMBER_WORDS.containsKey(t)) {
      amount = BigDecimal.valueOf(NUMBER_WORDS.get(t));
    }
    if (amount == null) {
      return null;
    }
    int unitAt = i + 1;
    BigDecimal scale = SCALES.get(lower(tokens, unitAt));
    if (scale != null && !lower(tokens, unitAt).equals("m") && !lower(tokens, unitAt).equals("b")) {
      amount = amount.multiply(scale);
      unitAt++;
    }
    String more = lower(tokens, unitAt);
    if (more.equals("more") || more.equals("additional") || more.equals("new")
        || more.equals("other")) {
      unitAt++;
    }
    if (unitAt >= tokens.size()) {
      return null;
    }
    Token unit = tokens.get(unitAt);
    String u = unit.lower();
    if (!unit.isWord() || !Character.isLowerCase(unit.text.charAt(0)) || NOT_UNITS.contains(u)
        || MONTHS.containsKey(u)) {
      return null;
    }
    boolean noun =
        tags != null ? tags[unitAt].equals("NOUN") || tags[unitAt].startsWith("NN") : u.endsWith("s");
    if (!noun) {
      return null;
    }
    // "two space agencies": the unit is the head of the noun compound.
    while (tags != null && unitAt + 1 < tokens.size() && tags[unitAt + 1].equals("NOUN")
        && Character.isLowerCase(tokens.get(unitAt + 1).text.charAt(0))) {
      unitAt++;
      u = tokens.get(unitAt).lower();
    }
    String unitKey = u.endsWith("ies") ? u.substring(0, u.length() - 3) + "y"
        : u.endsWith("s") && !u.endsWith("ss") ? u.substring(0, u.length() - 1) : u;
    return new Value("quantity", i, unitAt + 1, join(tokens, i, unitAt + 1),
        plain(amount) + " " + unitKey);
  }

  /** 1 to 31, with or without an ordinal suffix: "5", "05", "21st". */
  private static @Nullable Integer dayOfMonth(String t) {
    int digits = t.length();
    if (digits >= 3 && (t.endsWith("st") || t.endsWith("nd") || t.endsWith("rd")
        || t.endsWith("th"))) {
      digits -= 2;
    }
    if (digits < 1 || digits > 2) {
      return null;
    }
    int d = 0;
    for (int k = 0; k < digits; k++) {
      char c = t.charAt(k);
      if (c < '0' || c > '9') {
        return null;
      }
      d = d * 10 + (c - '0');
    }
    return d >= 1 && d <= 31 ? d : null;
  }

  private static @Nullable BigDecimal number(List<Token> tokens, int i) {
    if (i >= tokens.size()) {
      return null;
    }
    String t = tokens.get(i).text;
    if (!isAsciiDigit(t.charAt(0)) || !NUMBER.matcher(t).matches()) {
      return null;
    }
    try {
      return new BigDecimal(t.replace(",", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  private static String lower(List<Token> tokens, int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i).lower() : "";
  }

  static String join(List<Token> tokens, int start, int end) {
    StringBuilder b = new StringBuilder();
    for (int k = start; k < end && k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (k > start && t.start > tokens.get(k - 1).end) {
        b.append(' ');
      }
      b.append(t.text);
    }
    return b.toString();
  }
}
