package io.storyline.extract;

import io.storyline.model.ClaimMention;
import io.storyline.nlp.GreedyPosTagger;
import io.storyline.nlp.Stopwords;
import io.storyline.nlp.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.stemmer.PorterStemmer;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Extracts claims: sentences that state a checkable fact. A claim is an actor, what happened (the
 * predicate: the nearest event verb or event noun before the value), and a value (date,
 * quantity, money, percentage, place) — or a quote with its speaker. Claims are keyed by
 * normalised predicate and value, so "operate the ISS until 2028" and "extend ISS operations to
 * 2028" share a key. Only sentences that hold a value candidate are tagged, at most {@link
 * #MAX_TAGGED_SENTENCES} per article, which bounds the work per article.
 *
 * <p>Not thread-safe: one instance per DoFn instance.
 */
public final class ClaimExtractor {
  public static final int MAX_TAGGED_SENTENCES = 40;
  /** How far left of a value the predicate is looked for, in tokens. */
  private static final int PREDICATE_WINDOW = 25;
  private static final int MAX_QUOTE_CHARS = 400;
  /** A list marker opening a sentence: "- ", "• ", "* ". */
  private static final java.util.regex.Pattern BULLET = java.util.regex.Pattern.compile("^\\s*[-•*–]\\s+");

  private static final Map<String, String> RELATIONS =
      Map.ofEntries(
          Map.entry("until", "until"), Map.entry("till", "until"), Map.entry("through", "until"),
          Map.entry("to", "until"), Map.entry("into", "until"), Map.entry("by", "by"),
          Map.entry("before", "by"), Map.entry("for", "for"), Map.entry("since", "since"),
          Map.entry("from", "from"), Map.entry("in", "in"), Map.entry("on", "on"),
          Map.entry("at", "at"), Map.entry("during", "in"), Map.entry("after", "after"),
          Map.entry("of", "of"), Map.entry("near", "near"), Map.entry("outside", "near"),
          Map.entry("inside", "in"), Map.entry("across", "in"));

  private static final Set<String> LOCATIVE =
      Set.of("in", "at", "from", "near", "outside", "inside", "across", "to");

  /** Verbs that carry no event of their own: the event is their subject ("the meeting was held"). */
  private static final Set<String> LIGHT_VERBS =
      Set.of("be", "have", "do", "hold", "take", "make", "get", "schedule", "plan", "expect",
          "set", "seem", "remain", "become", "due", "will", "would", "can", "could", "may", "might",
          "should", "must", "begin", "start", "value", "say", "accord");

  /** Event nouns with no verb-forming suffix. */
  private static final Set<String> EVENT_NOUNS =
      Set.of("visit", "talk", "talks", "launch", "attack", "crash", "vote", "deal", "strike",
          "war", "summit", "trip", "fire", "blast", "release", "sale", "ban", "raid", "arrest",
          "trial", "rally", "protest", "storm", "quake", "earthquake", "flood", "collapse",
          "merger", "bid", "cut", "rise", "fall", "drop", "loss", "growth", "win", "defeat",
          "death", "birth", "return", "move", "plan", "debut", "ceremony", "match", "game",
          "concert", "conference", "hearing", "verdict", "sentence", "deadline", "flight",
          "mission", "crisis", "outbreak", "recall", "shutdown", "lockdown", "hike", "leak");

  private static final Set<String> SPEECH_VERBS =
      Set.of("said", "says", "say", "told", "tells", "added", "stated", "announced", "explained",
          "noted", "argued", "claimed", "insisted", "wrote", "tweeted", "confirmed", "warned",
          "declared", "mentioned", "according");

  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "i", "we");

  private final GreedyPosTagger tagger;
  private final LemmatizerME lemmatizer;
  private final PorterStemmer stemmer = new PorterStemmer();
  private final Map<String, String> lemmaCache = new HashMap<>();
  private static final int LEMMA_CACHE_SIZE = 50_000;

  public ClaimExtractor(GreedyPosTagger tagger, LemmatizerME lemmatizer) {
    this.tagger = tagger;
    this.lemmatizer = lemmatizer;
  }

  /** The claims of an article's body sentences, given its entities. */
  public List<ClaimMention> extract(
      List<String> sentences, List<List<Token>> tokens, EntityRecognizer.Result entities) {
    List<ClaimMention> claims = new ArrayList<>();
    int tagged = 0;
    String lastPerson = null;
    for (int s = 0; s < sentences.size() && tagged < MAX_TAGGED_SENTENCES; s++) {
      List<Token> sentence = tokens.get(s);
      List<EntityRecognizer.Mention> mentions = mentionsOf(entities, s);
      List<ValueFinder.Value> places = places(sentence, mentions, entities);
      boolean hasQuote = hasQuoteMark(sentences.get(s));
      boolean hasNumber = hasNumberOrMonth(sentence);
      if (places.isEmpty() && !hasQuote && !hasNumber) {
        lastPerson = lastPerson(mentions, entities, lastPerson);
        continue;
      }
      tagged++;
      String[] words = new String[sentence.size()];
      for (int k = 0; k < words.length; k++) {
        words[k] = sentence.get(k).text;
      }
      String[] tags = tagger.tag(words);
      Lemmas lemmas = new Lemmas(words, tags);
      List<ValueFinder.Value> values = new ArrayList<>(ValueFinder.find(sentence, tags));
      values.addAll(places);
      String text = BULLET.matcher(sentences.get(s)).replaceFirst("").strip();
      for (ValueFinder.Value value : values) {
        int predicate = predicateFor(value, words, tags, lemmas);
        if (predicate < 0) {
          continue;
        }
        String lemma = lemmas.of(predicate);
        String relation =
            value.start > 0
                ? RELATIONS.getOrDefault(words[value.start - 1].toLowerCase(Locale.ROOT), "")
                : "";
        String subject = subject(mentions, entities, value, predicate);
        claims.add(mention(value.kind, lemma, relation, value.display, value.key, subject, text));
      }
      if (hasQuote) {
        ClaimMention quote = quote(sentences.get(s), sentence, mentions, entities, lastPerson);
        if (quote != null) {
          claims.add(quote);
        }
      }
      lastPerson = lastPerson(mentions, entities, lastPerson);
    }
    return claims;
  }

  private ClaimMention mention(
      String kind, String predicate, String relation, String value, String valueKey,
      @Nullable String subject, String text) {
    String slotKey = kind + "|" + stem(predicate);
    String claimKey =
        isSpecific(kind, valueKey) ? kind + "|*|" + valueKey : slotKey + "|" + valueKey;
    return new ClaimMention(kind, predicate, relation, value, valueKey, subject, text, slotKey,
        claimKey);
  }

  /**
   * Values specific enough to name the fact on their own — an amount of money, a percentage, a
   * calendar day, a count of three or more things — match whatever verb states them ("buy Harbor
   * Mills for $2.3 billion" / "acquire Harbor Mills for $2.3 billion"). A bare year or a place
   * is shared by too many facts, so the predicate stays in those keys.
   */
  static boolean isSpecific(String kind, String valueKey) {
    switch (kind) {
      case "money":
      case "percent":
        return true;
      case "date":
        return valueKey.contains("-");
      case "quantity":
        String number = valueKey.substring(0, Math.max(0, valueKey.indexOf(' ')));
        try {
          return Double.parseDouble(number) >= 3;
        } catch (NumberFormatException e) {
          return false;
        }
      default:
        return false;
    }
  }

  /** Porter stem of a lemma without hyphens: meeting/met → meet, operations/operate → oper. */
  String stem(String lemma) {
    String word = lemma.toLowerCase(Locale.ROOT).replace("-", "");
    return stemmer.stem(word);
  }

  /**
   * The token that says what happened to the value: scanning left, the first content verb or
   * event noun; a light verb ("was held") hands over to its subject noun. Falls back to the first
   * content verb to the right ("In 2018, they met").
   */
  private static int predicateFor(
      ValueFinder.Value value, String[] words, String[] tags, Lemmas lemmas) {
    boolean lightSeen = false;
    int stop = Math.max(0, value.start - PREDICATE_WINDOW);
    for (int k = value.start - 1; k >= stop; k--) {
      String tag = tags[k];
      String lemma = lemmas.of(k);
      if (words[k].equals(";") || words[k].equals("—") || words[k].equals(":")) {
        break;
      }
      if (tag.equals("VERB") || tag.equals("AUX")) {
        if (LIGHT_VERBS.contains(lemma) || tag.equals("AUX")) {
          lightSeen = true;
          continue;
        }
        // "acting administrator": a participle used as an adjective.
        if (k + 1 < words.length && tags[k + 1].equals("NOUN") && words[k].endsWith("ing")
            && k + 1 < value.start) {
          continue;
        }
        return k;
      }
      if (tag.equals("NOUN") && (isEventNoun(lemma) || lightSeen)) {
        return k;
      }
      // "de-orbiting it by 2030": a gerund the tagger took for an adjective or a name.
      if (words[k].endsWith("ing") && words[k].length() > 5
          && Character.isLowerCase(words[k].charAt(0))
          && (k + 1 >= words.length || !tags[k + 1].equals("NOUN"))) {
        return k;
      }
    }
    int end = Math.min(words.length, value.end + PREDICATE_WINDOW);
    for (int k = value.end; k < end; k++) {
      if (tags[k].equals("VERB") && !LIGHT_VERBS.contains(lemmas.of(k))) {
        return k;
      }
    }
    return -1;
  }

  private static boolean isEventNoun(String lemma) {
    return EVENT_NOUNS.contains(lemma)
        || (lemma.length() > 5
            && (lemma.endsWith("ing") || lemma.endsWith("tion") || lemma.endsWith("sion")
                || lemma.endsWith("ment") || lemma.endsWith("ance") || lemma.endsWith("ence")
                || lemma.endsWith("ure") || lemma.endsWith("val")));
  }

  /**
   * Lemmas of one tagged sentence, computed only for the tokens the predicate search looks at:
   * the sequence lemmatizer is the costliest model here, and a word's lemma given its tag hardly
   * depends on its neighbours. Looked-up lemmas are cached per instance.
   */
  private final class Lemmas {
    private final String[] words;
    private final String[] tags;

    Lemmas(String[] words, String[] tags) {
      this.words = words;
      this.tags = tags;
    }

    String of(int k) {
      String key = words[k] + '\u0000' + tags[k];
      String lemma = lemmaCache.get(key);
      if (lemma == null) {
        lemma = lemmatizer.lemmatize(new String[] {words[k]}, new String[] {tags[k]})[0];
        if (lemma == null || lemma.equals("O") || lemma.isEmpty()) {
          lemma = words[k];
        }
        lemma = lemma.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (lemmaCache.size() > LEMMA_CACHE_SIZE) {
          lemmaCache.clear();
        }
        lemmaCache.put(key, lemma);
      }
      return lemma;
    }
  }

  /** Places after a locative preposition, "Houston, Texas" and "X in Florida" taken as one. */
  private static List<ValueFinder.Value> places(
      List<Token> sentence, List<EntityRecognizer.Mention> mentions,
      EntityRecognizer.Result entities) {
    List<ValueFinder.Value> places = new ArrayList<>();
    for (int m = 0; m < mentions.size(); m++) {
      EntityRecognizer.Mention mention = mentions.get(m);
      int start = mention.start;
      int prep = start - 1;
      if (prep >= 0 && sentence.get(prep).text.equalsIgnoreCase("the")) {
        prep--;
      }
      if (prep < 0 || !LOCATIVE.contains(sentence.get(prep).text.toLowerCase(Locale.ROOT))) {
        continue;
      }
      Gazetteer.Place place = Gazetteer.lookup(entities.nameOf(mention.key));
      boolean facility = place == null && isFacility(sentence, mention);
      if (place == null && !facility) {
        continue;
      }
      int end = mention.end;
      String region = place != null ? place.region : null;
      // Extend over "…, Texas" / "… in Florida" / "…'s Baikonur Cosmodrome".
      while (m + 1 < mentions.size()) {
        EntityRecognizer.Mention next = mentions.get(m + 1);
        int gap = next.start - end;
        String between = gap == 1 ? sentence.get(end).text.toLowerCase(Locale.ROOT) : "";
        Gazetteer.Place nextPlace = Gazetteer.lookup(entities.nameOf(next.key));
        boolean joins = gap == 1 && (between.equals(",") || between.equals("in")
            || between.equals("'s") || between.equals("’s"));
        if (!joins || (nextPlace == null && !isFacility(sentence, next))) {
          break;
        }
        if (nextPlace != null && (region == null || !between.equals("'s") && !between.equals("’s"))) {
          region = nextPlace.region;
        }
        end = next.end;
        m++;
      }
      String display = ValueFinder.join(sentence, start, end).replaceAll(",$", "");
      String key = (region != null ? region : display).toLowerCase(Locale.ROOT);
      places.add(new ValueFinder.Value("place", start, end, display, key));
    }
    return places;
  }

  private static final Set<String> FACILITY_WORDS =
      Set.of("center", "centre", "airport", "stadium", "square", "cosmodrome", "base",
          "hospital", "palace", "hotel", "arena", "park", "hall", "museum", "cathedral", "prison",
          "port", "harbor", "harbour", "bridge", "station", "building", "headquarters", "campus",
          "embassy", "spaceport", "plant", "factory", "mine", "island", "beach");

  private static boolean isFacility(List<Token> sentence, EntityRecognizer.Mention mention) {
    String last = sentence.get(mention.end - 1).text.toLowerCase(Locale.ROOT);
    return mention.end - mention.start >= 2 && FACILITY_WORDS.contains(last);
  }

  /** The actor: the first person or organisation in the sentence that is not the value. */
  private static @Nullable String subject(
      List<EntityRecognizer.Mention> mentions, EntityRecognizer.Result entities,
      ValueFinder.Value value, int predicate) {
    String fallback = null;
    for (EntityRecognizer.Mention m : mentions) {
      if (m.start < value.end && m.end > value.start) {
        continue;
      }
      String type = entities.typeOf(m.key);
      if (type.equals(EntityRecognizer.PERSON) || type.equals(EntityRecognizer.ORGANIZATION)) {
        return entities.nameOf(m.key);
      }
      if (fallback == null && !type.equals(EntityRecognizer.PLACE)) {
        fallback = entities.nameOf(m.key);
      }
    }
    return fallback;
  }

  private @Nullable ClaimMention quote(
      String text, List<Token> sentence, List<EntityRecognizer.Mention> mentions,
      EntityRecognizer.Result entities, @Nullable String lastPerson) {
    int[] span = QuoteSpans.find(text);
    if (span == null) {
      return null;
    }
    String quoted = text.substring(span[0], span[1]).strip();
    if (quoted.split("\\s+").length < 4) {
      return null;
    }
    String speaker = null;
    for (int k = 0; k < sentence.size() && speaker == null; k++) {
      Token t = sentence.get(k);
      if (t.start >= span[0] && t.end <= span[1]) {
        continue;
      }
      if (!SPEECH_VERBS.contains(t.lower())) {
        continue;
      }
      speaker = speakerNear(sentence, mentions, entities, k, lastPerson);
    }
    if (speaker == null) {
      return null;
    }
    StringBuilder key = new StringBuilder();
    int words = 0;
    for (String w : quoted.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && !Stopwords.contains(w) && words < 10) {
        key.append(words++ == 0 ? "" : " ").append(stem(w));
      }
    }
    String value = quoted.length() > MAX_QUOTE_CHARS ? quoted.substring(0, MAX_QUOTE_CHARS) + "…" : quoted;
    String slotKey = "quote|" + speaker.toLowerCase(Locale.ROOT);
    return new ClaimMention("quote", "say", "", value, key.toString(), speaker, text.strip(),
        slotKey, slotKey + "|" + key);
  }

  private static @Nullable String speakerNear(
      List<Token> sentence, List<EntityRecognizer.Mention> mentions,
      EntityRecognizer.Result entities, int verb, @Nullable String lastPerson) {
    for (EntityRecognizer.Mention m : mentions) {
      boolean before = m.end <= verb && verb - m.end <= 2;
      boolean after = m.start > verb && m.start - verb <= 3;
      if (before || after) {
        String type = entities.typeOf(m.key);
        if (!type.equals(EntityRecognizer.PLACE)) {
          return entities.nameOf(m.key);
        }
      }
    }
    if (verb > 0 && PRONOUNS.contains(sentence.get(verb - 1).text.toLowerCase(Locale.ROOT))) {
      return lastPerson;
    }
    return null;
  }

  private static @Nullable String lastPerson(
      List<EntityRecognizer.Mention> mentions, EntityRecognizer.Result entities,
      @Nullable String previous) {
    String last = previous;
    for (EntityRecognizer.Mention m : mentions) {
      if (entities.typeOf(m.key).equals(EntityRecognizer.PERSON)) {
        last = entities.nameOf(m.key);
      }
    }
    return last;
  }

  private static List<EntityRecognizer.Mention> mentionsOf(
      EntityRecognizer.Result entities, int sentence) {
    List<EntityRecognizer.Mention> mentions = new ArrayList<>();
    for (EntityRecognizer.Mention m : entities.mentions) {
      if (m.sentence == sentence) {
        mentions.add(m);
      }
    }
    return mentions;
  }

  private static boolean hasQuoteMark(String text) {
    return text.indexOf('"') >= 0 || text.indexOf('“') >= 0 || text.indexOf('‘') >= 0
        || text.indexOf('\'') >= 0;
  }

  private static boolean hasNumberOrMonth(List<Token> sentence) {
    for (Token t : sentence) {
      char c = t.text.charAt(0);
      if (Character.isDigit(c) || c == '$' || c == '€' || c == '£') {
        return true;
      }
      if (t.isCapitalized() && ValueFinder.MONTHS.containsKey(t.lower())) {
        return true;
      }
    }
    return false;
  }
}
