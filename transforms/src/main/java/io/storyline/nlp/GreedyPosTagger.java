package io.storyline.nlp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * OpenNLP's English part-of-speech model, decoded greedily from left to right and scored from
 * cached parameter sums.
 *
 * <p>{@code POSTaggerME} keeps the three best tag sequences (beam search): for every word of each
 * sequence it builds about twenty feature strings (the word, its prefixes and suffixes, its
 * neighbours, the previous tags), looks each up in the model and normalises the scores. On news
 * text the best sequence is the greedy one, and a word's features are the same wherever it
 * occurs: only its neighbours and the previous tags change. So each word's contributions — as
 * the current word, and as the word one or two places before or after — are summed once and
 * kept, and the previous-tag features are summed once per tag pair at load. Tagging a word is
 * then eight vector additions and an arg-max: the same tags as {@code POSTaggerME} (checked by
 * {@code GreedyPosTaggerTest}) at a small fraction of its cost.
 *
 * <p>This mirrors the feature set of the model's {@code generator.featuregen} (definition,
 * prefixes and suffixes up to four characters, a ±2 window of lower-cased words, sentence
 * begin, token class, previous one and two tags); a model with other features needs its own
 * scorer. Not thread-safe (the word cache): one instance per DoFn instance.
 */
public final class GreedyPosTagger {
  private static final String MODEL_ENTRY = "pos.model";
  private static final int AFFIX_LENGTH = 4;
  private static final int CACHED_WORDS = 50_000;

  private final Map<String, Context> parameters;
  private final String[] tags;
  private final int outcomes;
  /** Shared by every feature the model does not know (most neighbour features of rare words). */
  private final double[] unknown;
  private final double[][] sentenceBegin;
  private final double[][] previousTag;
  private final double[][] previousTwoTags;
  private final Map<String, WordScores> words =
      new LinkedHashMap<>(1 << 12, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, WordScores> eldest) {
          return size() > CACHED_WORDS;
        }
      };

  /** A word's summed parameters as the current word and as each neighbour. */
  private record WordScores(
      double[] self, double[] previous, double[] beforePrevious, double[] next,
      double[] afterNext) {}

  @SuppressWarnings("unchecked")
  public GreedyPosTagger(POSModel posModel) {
    if (posModel.getFactory().getTagDictionary() != null) {
      throw new IllegalArgumentException("a tag dictionary is not supported by this decoder");
    }
    AbstractModel model = posModel.getArtifact(MODEL_ENTRY);
    Object[] data = model.getDataStructures();
    this.parameters = (Map<String, Context>) data[1];
    this.tags = (String[]) data[2];
    this.outcomes = tags.length;
    this.unknown = new double[outcomes];
    this.sentenceBegin =
        new double[][] {sum("S=begin"), sum("p1S=begin"), sum("p2S=begin")};
    this.previousTag = new double[outcomes][];
    this.previousTwoTags = new double[outcomes * outcomes][];
    for (int a = 0; a < outcomes; a++) {
      previousTag[a] = sum("t=" + tags[a]);
      for (int b = 0; b < outcomes; b++) {
        previousTwoTags[a * outcomes + b] = sum("t2=" + tags[a] + "," + tags[b]);
      }
    }
  }

  /** Universal POS tags of the words of one sentence. */
  public String[] tag(String[] sentence) {
    int n = sentence.length;
    WordScores[] scores = new WordScores[n];
    for (int i = 0; i < n; i++) {
      scores[i] = scoresOf(sentence[i]);
    }
    int[] chosen = new int[n];
    String[] result = new String[n];
    double[] total = new double[outcomes];
    for (int i = 0; i < n; i++) {
      System.arraycopy(scores[i].self, 0, total, 0, outcomes);
      if (i >= 1) {
        add(total, scores[i - 1].previous);
        add(total, previousTag[chosen[i - 1]]);
      }
      if (i >= 2) {
        add(total, scores[i - 2].beforePrevious);
        add(total, previousTwoTags[chosen[i - 2] * outcomes + chosen[i - 1]]);
      }
      if (i + 1 < n) {
        add(total, scores[i + 1].next);
      }
      if (i + 2 < n) {
        add(total, scores[i + 2].afterNext);
      }
      if (i < sentenceBegin.length) {
        add(total, sentenceBegin[i]);
      }
      int best = 0;
      for (int o = 1; o < outcomes; o++) {
        if (total[o] > total[best]) {
          best = o;
        }
      }
      chosen[i] = best;
      result[i] = tags[best];
    }
    return result;
  }

  private WordScores scoresOf(String word) {
    WordScores cached = words.get(word);
    if (cached != null) {
      return cached;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    double[] self = new double[outcomes];
    add(self, sum("def"));
    int length = word.length();
    for (int k = 1; k <= Math.min(AFFIX_LENGTH, length); k++) {
      add(self, sum("suf=" + word.substring(length - k)));
    }
    for (int k = 1; k <= Math.min(AFFIX_LENGTH, length); k++) {
      add(self, sum("pre=" + word.substring(0, k)));
    }
    add(self, sum("w=" + lower));
    String tokenClass = FeatureGeneratorUtil.tokenFeature(word);
    add(self, sum("wc=" + tokenClass));
    add(self, sum("w&c=" + lower + "," + tokenClass));
    WordScores scores =
        new WordScores(self, sum("p1w=" + lower), sum("p2w=" + lower), sum("n1w=" + lower),
            sum("n2w=" + lower));
    words.put(word, scores);
    return scores;
  }

  /**
   * The parameters of one feature, by outcome; the shared zeros when the model does not know it
   * (read-only: callers add it to arrays of their own).
   */
  private double[] sum(String feature) {
    Context context = parameters.get(feature);
    if (context == null) {
      return unknown;
    }
    double[] out = new double[outcomes];
    int[] which = context.getOutcomes();
    double[] values = context.getParameters();
    for (int k = 0; k < which.length; k++) {
      out[which[k]] += values[k];
    }
    return out;
  }

  private void add(double[] total, double[] part) {
    if (part == unknown) {
      return;
    }
    for (int o = 0; o < total.length; o++) {
      total[o] += part[o];
    }
  }
}
