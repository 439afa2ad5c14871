package io.storyline.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The learned similarity of two articles: a linear score over {@link SimilarityFeatures} (the
 * log-odds of a logistic regression trained on labelled pairs), and the score from which two
 * articles, or two stories by their mean score, are one story. The shipped weights are the
 * resource {@code similarity-model.properties} beside this class, written by the training tool
 * ({@code scripts/train-similarity.sh}).
 */
public final class SimilarityModel implements Serializable {
  private static final String RESOURCE = "similarity-model.properties";


  private final double intercept;
  private final double[] weights;
  private final double threshold;

  public SimilarityModel(double intercept, double[] weights, double threshold) {
    if (weights.length != SimilarityFeatures.COUNT) {
      throw new IllegalArgumentException(
          "expected " + SimilarityFeatures.COUNT + " weights, got " + weights.length);
    }
    this.intercept = intercept;
    this.weights = weights.clone();
    this.threshold = threshold;
  }

  /** The names of the features the weights apply to, in order. */
  public static List<String> featureNames() {
    return SimilarityFeatures.NAMES;
  }

  /** The model that ships with Storyline, read once per JVM. */
  public static SimilarityModel shipped() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final SimilarityModel MODEL = load();

    private static SimilarityModel load() {
      try (InputStream in = SimilarityModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Reads a model written by {@link #write}. */
  public static SimilarityModel read(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    double[] weights = new double[SimilarityFeatures.COUNT];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = number(p, "weight." + SimilarityFeatures.NAMES.get(i));
    }
    return new SimilarityModel(number(p, "intercept"), weights, number(p, "threshold"));
  }

  private static double number(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("similarity model lacks " + key);
    }
    return Double.parseDouble(value.strip());
  }

  public void write(Writer out, String comment) throws IOException {
    for (String line : comment.split("\n")) {
      out.write("# " + line + "\n");
    }
    out.write(String.format(Locale.ROOT, "intercept=%.6f%n", intercept));
    out.write(String.format(Locale.ROOT, "threshold=%.6f%n", threshold));
    for (int i = 0; i < weights.length; i++) {
      out.write(String.format(Locale.ROOT, "weight.%s=%.6f%n", SimilarityFeatures.NAMES.get(i), weights[i]));
    }
  }

  /** The same weights with another threshold. */
  public SimilarityModel withThreshold(double threshold) {
    return new SimilarityModel(intercept, weights, threshold);
  }

  public double threshold() {
    return threshold;
  }

  /** The log-odds that two articles, or on average two stories' members, are one story. */
  public double score(double[] features) {
    double s = intercept;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i] * features[i];
    }
    return s;
  }

  boolean sameStory(double score) {
    return score >= threshold;
  }

}
