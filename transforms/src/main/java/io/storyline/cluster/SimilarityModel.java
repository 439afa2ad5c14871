package io.storyline.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The learned similarity of two articles: a linear score over {@link SimilarityFeatures} (the
 * log-odds of a logistic regression trained on labelled pairs), and the score from which two
 * articles, or two stories by their mean score, are one story. The shipped model is a pair: the
 * story model, which weighs the articles' neighbourhoods, with its link model ({@link #links}),
 * which does not. Their weights are the resource {@code similarity-model.properties} beside this
 * class (the link model's under {@code links.}), written by the training tool ({@code
 * scripts/train-similarity.sh}).
 */
public final class SimilarityModel implements Serializable {
  private static final String RESOURCE = "similarity-model.properties";


  private final double intercept;
  private final double[] weights;
  private final double threshold;
  /** The model that finds links between articles, when it is not this one. */
  private final @Nullable SimilarityModel links;

  public SimilarityModel(double intercept, double[] weights, double threshold) {
    this(intercept, weights, threshold, null);
  }

  private SimilarityModel(
      double intercept, double[] weights, double threshold, @Nullable SimilarityModel links) {
    if (weights.length != SimilarityFeatures.COUNT) {
      throw new IllegalArgumentException(
          "expected " + SimilarityFeatures.COUNT + " weights, got " + weights.length);
    }
    this.intercept = intercept;
    this.weights = weights.clone();
    this.threshold = threshold;
    this.links = links;
  }

  /**
   * This model for stories, {@code links} for finding the links between articles that make the
   * pieces and the stories' candidates, and the articles' neighbourhoods ({@link Neighbourhoods}).
   */
  public SimilarityModel withLinks(SimilarityModel links) {
    return new SimilarityModel(intercept, weights, threshold, links.links());
  }

  /** The model that finds links: this one unless {@link #withLinks} gave another. */
  public SimilarityModel links() {
    return links == null ? this : links;
  }

  /** Whether stories are scored with the articles' neighbourhoods (a model of its own for links). */
  boolean usesNeighbourhoods() {
    return links != null;
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
    SimilarityModel stories = read(p, "");
    return p.getProperty(LINKS + "intercept") == null ? stories : stories.withLinks(read(p, LINKS));
  }

  private static final String LINKS = "links.";

  private static SimilarityModel read(Properties p, String prefix) {
    double[] weights = new double[SimilarityFeatures.COUNT];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = number(p, prefix + "weight." + SimilarityFeatures.NAMES.get(i));
    }
    return new SimilarityModel(
        number(p, prefix + "intercept"), weights, number(p, prefix + "threshold"));
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
    writeWeights(out, "");
    if (links != null) {
      links.writeWeights(out, LINKS);
    }
  }

  private void writeWeights(Writer out, String prefix) throws IOException {
    out.write(String.format(Locale.ROOT, "%sintercept=%.6f%n", prefix, intercept));
    out.write(String.format(Locale.ROOT, "%sthreshold=%.6f%n", prefix, threshold));
    for (int i = 0; i < weights.length; i++) {
      out.write(String.format(Locale.ROOT, "%sweight.%s=%.6f%n", prefix,
          SimilarityFeatures.NAMES.get(i), weights[i]));
    }
  }

  /** The same weights with another threshold. */
  public SimilarityModel withThreshold(double threshold) {
    return new SimilarityModel(intercept, weights, threshold, links);
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
