package io.storyline.extract;

import io.storyline.model.Article;
import io.storyline.model.ArticleFacts;
import io.storyline.model.ClaimMention;
import io.storyline.model.Entity;
import io.storyline.model.EntityKeys;
import io.storyline.nlp.GreedyPosTagger;
import io.storyline.nlp.NlpModels;
import io.storyline.nlp.Stopwords;
import io.storyline.nlp.Token;
import io.storyline.nlp.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * Turns one cleaned article into {@link ArticleFacts}: sentences, entities, claims, the terms its
 * story signature is built from, and a fingerprint for near-copy detection.
 *
 * <p>Not thread-safe (the OpenNLP {@code *ME} objects are not): one instance per DoFn instance.
 */
public final class ArticleAnalyzer {
  /** Body words, after the title, that feed the signature terms. */
  static final int SIGNATURE_BODY_WORDS = 300;
  private static final int LEAD_SENTENCES = 2;
  private static final int MAX_ENTITY_REPEATS = 3;
  private static final int LEAD_MAX_CHARS = 500;
  /**
   * The body characters examined, whatever the page's size: extraction of a page at the size
   * limit costs at most this much text, about ten long articles.
   */
  static final int MAX_ANALYZED_CHARS = 100_000;
  /**
   * The longest sentence examined: a longer run (a page without punctuation, a blob without
   * spaces) is cut into pieces of at most this length, at a space where there is one, so no
   * tokenizer or tagger step ever sees more.
   */
  static final int MAX_SENTENCE_CHARS = 1_000;

  private final SentenceDetectorME sentenceDetector;
  private final ClaimExtractor claimExtractor;
  private final PorterStemmer stemmer = new PorterStemmer();

  public ArticleAnalyzer() {
    this.sentenceDetector = new SentenceDetectorME(NlpModels.sentences());
    this.claimExtractor =
        new ClaimExtractor(
            new GreedyPosTagger(NlpModels.partsOfSpeech()), new LemmatizerME(NlpModels.lemmas()));
  }

  public ArticleFacts analyze(Article article) {
    List<String> sentences = sentences(article.body);
    List<List<Token>> tokens = new ArrayList<>(sentences.size());
    for (String sentence : sentences) {
      List<Token> words = WordTokenizer.tokenize(sentence);
      // Headline-cased lines (section heads, lists of other headlines) mislead the capitalisation
      // cues that find names: they keep their words for the signature only.
      tokens.add(isHeadlineCased(words) ? List.of() : words);
    }
    EntityRecognizer.Result entities = EntityRecognizer.recognize(tokens);
    List<ClaimMention> claims = claimExtractor.extract(sentences, tokens, entities);
    List<String> titleTerms = titleTerms(article.title);
    return new ArticleFacts(
        article.articleId,
        article.sourceOrId(),
        article.published,
        article.title,
        lead(sentences),
        entities.entities,
        claims,
        terms(titleTerms, tokens, entities.entities),
        titleTerms,
        Fingerprint.of(tokens));
  }

  /**
   * Sentences of every paragraph of the body's first {@link #MAX_ANALYZED_CHARS}; a paragraph
   * never runs into the next, and no sentence is longer than {@link #MAX_SENTENCE_CHARS}.
   */
  List<String> sentences(String body) {
    String examined = head(body, MAX_ANALYZED_CHARS);
    List<String> sentences = new ArrayList<>();
    for (String paragraph : examined.split("\\n+")) {
      if (paragraph.isBlank()) {
        continue;
      }
      // The sentence detector's own cost grows with the run it is given: give it bounded runs.
      for (String run : pieces(paragraph, MAX_SENTENCE_CHARS * 4)) {
        for (String sentence : sentenceDetector.sentDetect(run)) {
          for (String piece : pieces(sentence.strip(), MAX_SENTENCE_CHARS)) {
            if (!piece.isBlank()) {
              sentences.add(piece.strip());
            }
          }
        }
      }
    }
    return sentences;
  }

  /**
   * At most the first {@code max} characters of {@code text}, cut at the last space or line break
   * before the limit, so that no word is cut in two; hard at the limit when there is none within
   * the last {@link #MAX_SENTENCE_CHARS} (a run without spaces).
   */
  static String head(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = Math.max(text.lastIndexOf('\n', max), text.lastIndexOf(' ', max));
    if (cut <= 0 || max - cut > MAX_SENTENCE_CHARS) {
      cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }
    return text.substring(0, cut);
  }

  /** The text cut into pieces of at most {@code max} characters, at the last space where there is one. */
  static List<String> pieces(String text, int max) {
    if (text.length() <= max) {
      return List.of(text);
    }
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (text.length() - start > max) {
      int cut = text.lastIndexOf(' ', start + max);
      if (cut <= start) {
        cut = start + max;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
          cut--;
        }
      }
      pieces.add(text.substring(start, cut));
      start = cut;
    }
    pieces.add(text.substring(start));
    return pieces;
  }

  /**
   * How an entity is matched across articles: a person by surname ("Donald Trump", "President
   * Trump" and "Trump" are one), anything else by its whole name.
   */
  static String signatureName(Entity e) {
    String key = e.key();
    if (e.type.equals(EntityRecognizer.PERSON)) {
      return key.substring(key.lastIndexOf(' ') + 1);
    }
    return key;
  }

  /** Four or more words, most of the longer ones capitalised: "Space Diplomacy Prevails". */
  static boolean isHeadlineCased(List<Token> words) {
    int longWords = 0;
    int capitalised = 0;
    for (Token t : words) {
      if (t.isWord() && t.text.length() > 3) {
        longWords++;
        if (t.isCapitalized()) {
          capitalised++;
        }
      }
    }
    return longWords >= 3 && capitalised >= 0.7 * longWords;
  }

  private static String lead(List<String> sentences) {
    StringBuilder lead = new StringBuilder();
    for (int i = 0; i < sentences.size() && i < LEAD_SENTENCES; i++) {
      if (lead.length() + sentences.get(i).length() > LEAD_MAX_CHARS && lead.length() > 0) {
        break;
      }
      lead.append(lead.length() > 0 ? " " : "").append(sentences.get(i));
    }
    return lead.toString();
  }

  /**
   * Stemmed content words — the title's twice, then the body's first words — and the named
   * entities, marked, as often as they are named (at most three times). Terms are interned: a
   * corpus repeats a vocabulary of some hundred thousand terms millions of times, and a runner
   * that keeps every article's facts in memory until its story is known (the direct runner) would
   * otherwise hold a string per occurrence, most of its heap.
   */
  private List<String> terms(List<String> titleTerms, List<List<Token>> body, List<Entity> entities) {
    List<String> terms = new ArrayList<>();
    for (Entity e : entities) {
      String term = (EntityKeys.TERM_MARK + signatureName(e)).intern();
      for (int i = 0; i < Math.min(e.count, MAX_ENTITY_REPEATS); i++) {
        terms.add(term);
      }
    }
    terms.addAll(titleTerms);
    terms.addAll(titleTerms);
    int budget = SIGNATURE_BODY_WORDS;
    for (List<Token> sentence : body) {
      if (budget <= 0) {
        break;
      }
      budget -= addTerms(sentence, terms, budget);
    }
    return terms;
  }

  /** The title's stemmed content words. */
  private List<String> titleTerms(String title) {
    List<String> titleTerms = new ArrayList<>();
    if (title != null) {
      addTerms(WordTokenizer.tokenize(title), titleTerms, Integer.MAX_VALUE);
    }
    return titleTerms;
  }

  private int addTerms(List<Token> tokens, List<String> out, int budget) {
    int words = 0;
    for (Token t : tokens) {
      if (words >= budget) {
        break;
      }
      if (!t.isWord() && !Character.isDigit(t.text.charAt(0))) {
        continue;
      }
      words++;
      String w = t.lower().replace('’', '\'');
      if (w.length() < 2 || Stopwords.contains(w) || w.equals("'s")) {
        continue;
      }
      if (Character.isDigit(w.charAt(0)) && !(w.length() == 4 && w.matches("(19|20)\\d\\d"))) {
        continue;
      }
      out.add(stemmer.stem(w.replace(".", "")).intern());
    }
    return words;
  }
}
