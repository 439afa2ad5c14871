package io.storyline.extract;

import io.storyline.model.Entity;
import io.storyline.model.EntityKeys;
import io.storyline.nlp.Stopwords;
import io.storyline.nlp.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds people, organisations and places in an article without a trained name model: runs of
 * capitalised words (sentence-initial function words dropped), typed by evidence from the
 * context — role words ("chief Dmitry Bakanov"), speech verbs, organisation words, the gazetteer,
 * acronym definitions ("International Space Station (ISS)") and surnames used alone.
 */
public final class EntityRecognizer {
  public static final String PERSON = "person";
  public static final String ORGANIZATION = "organization";
  public static final String PLACE = "place";
  public static final String OTHER = "other";

  /** One entity occurrence: tokens [start, end) of a sentence. */
  public static final class Mention {
    public final int sentence;
    public final int start;
    public final int end;
    public final String key;

    Mention(int sentence, int start, int end, String key) {
      this.sentence = sentence;
      this.start = start;
      this.end = end;
      this.key = key;
    }
  }

  /** The entities of one article and where they occur. */
  public static final class Result {
    public final List<Entity> entities;
    public final List<Mention> mentions;
    private final Map<String, String> types;
    private final Map<String, String> names;

    Result(List<Entity> entities, List<Mention> mentions, Map<String, String> types,
        Map<String, String> names) {
      this.entities = entities;
      this.mentions = mentions;
      this.types = types;
      this.names = names;
    }

    public String typeOf(String key) {
      return types.getOrDefault(key, OTHER);
    }

    public String nameOf(String key) {
      return names.getOrDefault(key, key);
    }
  }

  private static final Set<String> CONNECTORS =
      Set.of("of", "de", "del", "della", "da", "di", "du", "van", "von", "der", "den", "al", "bin",
          "la", "le", "&", "and");

  /** Titles that start a person's name: "President Donald Trump". */
  private static final Set<String> TITLES =
      Set.of("mr", "mrs", "ms", "dr", "president", "minister", "secretary", "senator", "sen",
          "rep", "governor", "gov", "mayor", "judge", "justice", "general", "gen", "chancellor",
          "king", "queen", "prince", "princess", "pope", "sheikh", "chief", "director", "ceo",
          "chairman", "chairwoman", "speaker", "ambassador", "commissioner", "lieutenant", "lt",
          "captain", "capt", "colonel", "col", "sergeant", "sgt", "professor", "prof", "cardinal",
          "bishop", "coach", "admiral", "premier", "lord", "lady", "sir", "dame", "detective",
          "officer", "inspector", "deputy", "vice", "prime", "attorney", "administrator");

  /** Lower-case role nouns that mark a following name as a person, a preceding one as an org. */
  private static final Set<String> ROLES =
      Set.of("administrator", "chief", "head", "minister", "president", "secretary", "spokesman",
          "spokeswoman", "spokesperson", "director", "leader", "chairman", "chairwoman", "ceo",
          "founder", "senator", "governor", "mayor", "judge", "officer", "cosmonaut", "astronaut",
          "actor", "actress", "singer", "rapper", "star", "player", "coach", "manager", "analyst",
          "economist", "professor", "lawyer", "attorney", "prosecutor", "commander", "general",
          "adviser", "advisor", "aide", "official", "executive", "representative", "reporter",
          "author", "writer", "producer", "candidate", "nominee", "suspect", "victim", "wife",
          "husband", "son", "daughter", "mother", "father", "brother", "sister", "boss",
          "chancellor", "premier", "envoy", "ambassador", "spokesmen", "officials", "striker",
          "midfielder", "defender", "goalkeeper", "quarterback", "pitcher", "musician", "model",
          "designer", "director-general", "governor-elect", "president-elect", "rep", "sen",
          "deputy", "presenter", "host", "comedian", "billionaire", "entrepreneur", "investor");

  /** Words that make a name an organisation. */
  private static final Set<String> ORG_WORDS =
      Set.of("agency", "administration", "company", "corp", "corporation", "inc", "ltd", "llc",
          "plc", "group", "bank", "university", "college", "school", "ministry", "department",
          "council", "committee", "party", "association", "institute", "commission", "court",
          "senate", "congress", "parliament", "federation", "union", "foundation", "service",
          "services", "force", "forces", "army", "navy", "police", "news", "times", "post",
          "journal", "airlines", "airways", "motors", "bureau", "office", "organization",
          "organisation", "board", "authority", "fund", "trust", "society", "network", "press",
          "club", "team", "fc", "league", "systems", "technologies", "labs", "reserve", "exchange",
          "hospital", "church", "assembly", "cabinet", "government", "guard", "media", "tv",
          "radio", "channel", "studios", "records", "pictures", "holdings", "partners", "capital",
          "securities", "insurance", "energy", "oil", "pharmaceuticals", "airline", "space");

  private static final Set<String> SPEECH_VERBS =
      Set.of("said", "says", "told", "added", "stated", "announced", "explained", "noted",
          "argued", "claimed", "insisted", "wrote", "tweeted", "confirmed", "warned");

  private static final Set<String> CALENDAR =
      Set.of("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "monday", "tuesday", "wednesday",
          "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul",
          "aug", "sep", "sept", "oct", "nov", "dec");

  private EntityRecognizer() {}

  /** Recognises the entities of the given tokenised sentences (the title excluded). */
  public static Result recognize(List<List<Token>> sentences) {
    Set<String> lowerCaseWords = new HashSet<>();
    Set<String> capitalisedInside = new HashSet<>();
    for (List<Token> sentence : sentences) {
      for (int i = 0; i < sentence.size(); i++) {
        Token t = sentence.get(i);
        if (t.isWord() && Character.isLowerCase(t.text.charAt(0))) {
          lowerCaseWords.add(t.text);
        } else if (t.isWord() && i > 0 && !isOpening(sentence.get(i - 1))) {
          capitalisedInside.add(t.text);
        }
      }
    }

    List<Run> runs = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      findRuns(s, sentences.get(s), lowerCaseWords, capitalisedInside, runs);
    }

    // Acronym definitions: "International Space Station (ISS)" makes ISS an alias.
    Map<String, String> aliases = new HashMap<>();
    for (Run run : runs) {
      List<Token> tokens = sentences.get(run.sentence);
      if (run.end + 2 < tokens.size()
          && tokens.get(run.end).text.equals("(")
          && tokens.get(run.end + 1).isAcronym()
          && tokens.get(run.end + 2).text.equals(")")
          && run.end - run.start > 1) {
        aliases.put(EntityKeys.of(tokens.get(run.end + 1).text), run.key);
      }
    }
    // Surnames used alone point at the full name: "Bakanov" → "Dmitry Bakanov".
    Map<String, String> surnames = new HashMap<>();
    for (Run run : runs) {
      if (run.end - run.start >= 2 && run.personEvidence > 0) {
        List<Token> tokens = sentences.get(run.sentence);
        surnames.putIfAbsent(EntityKeys.of(tokens.get(run.end - 1).text), run.key);
      }
    }
    for (Run run : runs) {
      if (run.end - run.start >= 2 && run.personEvidence == 0 && run.orgEvidence == 0) {
        List<Token> tokens = sentences.get(run.sentence);
        String last = EntityKeys.of(tokens.get(run.end - 1).text);
        if (hasSingleRun(runs, last)) {
          surnames.putIfAbsent(last, run.key);
          run.personEvidence++;
        }
      }
    }

    Map<String, Evidence> byKey = new LinkedHashMap<>();
    List<Mention> mentions = new ArrayList<>();
    for (Run run : runs) {
      String key = aliases.getOrDefault(run.key, run.key);
      if (run.end - run.start == 1 && !aliases.containsKey(run.key)) {
        key = surnames.getOrDefault(key, key);
      }
      Evidence evidence = byKey.computeIfAbsent(key, k -> new Evidence());
      evidence.add(run);
      mentions.add(new Mention(run.sentence, run.start, run.end, key));
    }

    Map<String, String> types = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    List<Entity> entities = new ArrayList<>();
    for (Map.Entry<String, Evidence> e : byKey.entrySet()) {
      Evidence evidence = e.getValue();
      String type = evidence.type();
      types.put(e.getKey(), type);
      names.put(e.getKey(), evidence.name);
      entities.add(new Entity(evidence.name, type, evidence.count));
    }
    entities.sort(Comparator.comparingInt((Entity x) -> -x.count).thenComparing(x -> x.name));
    return new Result(entities, mentions, types, names);
  }

  private static boolean hasSingleRun(List<Run> runs, String key) {
    for (Run run : runs) {
      if (run.end - run.start == 1 && run.key.equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** A run of capitalised tokens in one sentence, with the evidence its context gives. */
  private static final class Run {
    final int sentence;
    final int start;
    final int end;
    final String key;
    final String name;
    int personEvidence;
    int orgEvidence;
    int placeEvidence;

    Run(int sentence, int start, int end, String name) {
      this.sentence = sentence;
      this.start = start;
      this.end = end;
      this.name = name;
      this.key = EntityKeys.of(name);
    }
  }

  private static final class Evidence {
    String name = "";
    int count;
    int person;
    int org;
    int place;

    void add(Run run) {
      count++;
      if (run.name.length() > name.length()) {
        name = run.name;
      }
      person += run.personEvidence;
      org += run.orgEvidence;
      place += run.placeEvidence;
    }

    String type() {
      if (place > 0 && place >= person && place >= org) {
        return PLACE;
      }
      if (person > 0 && person >= org) {
        return PERSON;
      }
      if (org > 0) {
        return ORGANIZATION;
      }
      return OTHER;
    }
  }

  private static void findRuns(
      int s, List<Token> tokens, Set<String> lowerCaseWords, Set<String> capitalisedInside,
      List<Run> runs) {
    int i = 0;
    int n = tokens.size();
    while (i < n) {
      if (!startsName(tokens.get(i))) {
        i++;
        continue;
      }
      int start = i;
      int end = i + 1;
      while (end < n) {
        Token t = tokens.get(end);
        if (startsName(t)) {
          end++;
        } else if (CONNECTORS.contains(t.text) && end + 1 < n && startsName(tokens.get(end + 1))
            && !t.text.equals("and")) {
          end += 2;
        } else {
          break;
        }
      }
      i = end;
      // Drop leading words that are capitalised only because they open the sentence or a title.
      boolean titled = false;
      while (start < end) {
        Token first = tokens.get(start);
        String lower = first.text.toLowerCase(Locale.ROOT);
        boolean sentenceStart = start == 0 || isOpening(tokens.get(start - 1));
        if (TITLES.contains(lower.replace(".", "")) && end - start > 1) {
          titled = true;
          start++;
        } else if ((sentenceStart || end - start == 1)
            && (Stopwords.contains(lower) || lowerCaseWords.contains(lower))
            && !first.isAcronym()) {
          start++;
        } else if (sentenceStart && end - start > 1 && isRoleWord(lower)) {
          // "Representatives of NASA", "Officials at ...": a role noun opening the sentence.
          start++;
          while (start < end && CONNECTORS.contains(tokens.get(start).text)) {
            start++;
          }
        } else if (CALENDAR.contains(lower)) {
          start++;
        } else {
          break;
        }
      }
      // "House Speaker John Boehner", "Prime Minister Narendra Modi": the name follows the last
      // title or role word inside the run.
      for (int k = end - 2; k > start; k--) {
        String word = tokens.get(k).text.toLowerCase(Locale.ROOT).replace(".", "");
        if (TITLES.contains(word) || ROLES.contains(word)) {
          start = k + 1;
          titled = true;
          break;
        }
      }
      // A trailing calendar word ("Roscosmos Thursday") is not part of the name.
      while (end > start && CALENDAR.contains(tokens.get(end - 1).text.toLowerCase(Locale.ROOT))) {
        end--;
      }
      if (start >= end || isNationality(tokens, start, end)) {
        continue;
      }
      // A lone capitalised word opening a sentence ("Instead", "Outside") is a name only if the
      // article also capitalises it inside a sentence, or it is an acronym or a known place.
      Token only = tokens.get(start);
      if (end - start == 1
          && (start == 0 || isOpening(tokens.get(start - 1)))
          && !capitalisedInside.contains(only.text)
          && !only.isAcronym()
          && Gazetteer.lookup(only.text) == null) {
        continue;
      }
      StringBuilder name = new StringBuilder();
      for (int k = start; k < end; k++) {
        Token t = tokens.get(k);
        if (k > start && t.start > tokens.get(k - 1).end) {
          name.append(' ');
        }
        name.append(t.text);
      }
      Run run = new Run(s, start, end, name.toString());
      if (run.key.length() < 2) {
        continue;
      }
      scoreContext(run, tokens, titled);
      runs.add(run);
    }
  }

  private static boolean isRoleWord(String lower) {
    return ROLES.contains(lower) || lower.endsWith("s") && ROLES.contains(lower.substring(0, lower.length() - 1))
        || lower.equals("representatives");
  }

  private static boolean startsName(Token t) {
    return t.isWord() && (t.isCapitalized() || t.isAcronym());
  }

  private static boolean isOpening(Token t) {
    String x = t.text;
    return x.equals("\"") || x.equals("“") || x.equals("‘") || x.equals("'") || x.equals("-")
        || x.equals("•") || x.equals("(") || x.equals(":") || x.equals("—") || x.equals("–")
        || x.equals(".") || x.equals("?") || x.equals("!");
  }

  /** "Russian cosmonaut", "Japanese astronauts": a nationality word used as an adjective. */
  private static boolean isNationality(List<Token> tokens, int start, int end) {
    if (end - start != 1 || end >= tokens.size()) {
      return false;
    }
    String word = tokens.get(start).text;
    Token next = tokens.get(end);
    boolean adjectival = next.isWord() && Character.isLowerCase(next.text.charAt(0));
    return adjectival
        && (word.endsWith("an") || word.endsWith("ese") || word.endsWith("ish")
            || word.endsWith("ian") || word.endsWith("i"))
        && Gazetteer.lookup(word) == null;
  }

  private static void scoreContext(Run run, List<Token> tokens, boolean titled) {
    String lowerName = run.name.toLowerCase(Locale.ROOT);
    if (Gazetteer.lookup(run.name) != null) {
      run.placeEvidence += 2;
    }
    if (titled) {
      run.personEvidence += 2;
    }
    Token before = run.start > 0 ? tokens.get(run.start - 1) : null;
    Token after = run.end < tokens.size() ? tokens.get(run.end) : null;
    if (before != null && ROLES.contains(before.lower())) {
      run.personEvidence += 2;
    }
    if (after != null && run.end - run.start > 1
        && SPEECH_VERBS.contains(after.lower())) {
      run.personEvidence++;
    }
    // "Roscosmos chief", "NASA's acting administrator": the name of who employs the role.
    int k = run.end;
    if (k < tokens.size() && (tokens.get(k).text.equals("'s") || tokens.get(k).text.equals("’s"))) {
      k++;
    }
    if (k < tokens.size() && tokens.get(k).text.equals("acting")) {
      k++;
    }
    if (k < tokens.size() && ROLES.contains(tokens.get(k).text)) {
      run.orgEvidence += 2;
    }
    String lastWord = lowerName.substring(lowerName.lastIndexOf(' ') + 1);
    String firstWord = lowerName.contains(" ") ? lowerName.substring(0, lowerName.indexOf(' ')) : lowerName;
    if (ORG_WORDS.contains(lastWord) || ORG_WORDS.contains(firstWord)) {
      run.orgEvidence += 2;
    }
    if (run.end - run.start == 1 && tokens.get(run.start).isAcronym() && run.placeEvidence == 0) {
      run.orgEvidence++;
    }
  }
}
