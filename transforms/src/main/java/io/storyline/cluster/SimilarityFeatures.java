package io.storyline.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the similarity of two articles — or of two groups of articles — is learned from. Every
 * feature is a kernel that averages exactly over groups: the mean over all cross pairs of a
 * cosine is the dot product of the two groups' summed unit vectors divided by the pair count, and
 * the time features are sums over the groups' day histograms. So the score of two groups is
 * exactly the mean pairwise score of their members, which is what makes the clustering average
 * linkage (see {@link AverageLinkage}) however large the groups grow. Beside the means, the
 * cosine of the two groups' centroids and their sizes: a large story of short headlines shares
 * few words pair by pair but many with its centroid, and the model learns, from merges of
 * labelled stories, how far to trust which.
 */
final class SimilarityFeatures {
  /** Feature names, in order: the keys of the shipped model's weights. */
  static final List<String> NAMES =
      List.of("words", "title", "entities", "values", "both_entities", "both_values",
          "days_apart_2", "days_apart_14", "both_dated", "centroid_words", "centroid_title",
          "centroid_entities", "log_smaller_size", "log_larger_size", "centroid_words_by_size");

  static final int COUNT = 15;
  /** The scales, in days, of the two time decays {@code exp(-days apart / scale)}. */
  private static final double SHORT_DECAY_DAYS = 2;
  private static final double LONG_DECAY_DAYS = 14;

  private SimilarityFeatures() {}

  /** The features of a pair of articles. */
  static double[] of(EventSignature a, EventSignature b) {
    double[] f = new double[COUNT];
    f[0] = a.words.dot(b.words);
    f[1] = a.title.dot(b.title);
    f[2] = a.entities.dot(b.entities);
    f[3] = a.values.dot(b.values);
    f[4] = !a.entities.isEmpty() && !b.entities.isEmpty() ? 1 : 0;
    f[5] = !a.values.isEmpty() && !b.values.isEmpty() ? 1 : 0;
    Long dayA = a.day();
    Long dayB = b.day();
    if (dayA != null && dayB != null) {
      long apart = Math.abs(dayA - dayB);
      f[6] = shortDecay(apart);
      f[7] = longDecay(apart);
      f[8] = 1;
    }
    // Two single articles: their centroids are themselves.
    f[9] = f[0];
    f[10] = f[1];
    f[11] = f[2];
    return f;
  }

  private static double shortDecay(long daysApart) {
    return Math.exp(-daysApart / SHORT_DECAY_DAYS);
  }

  private static double longDecay(long daysApart) {
    return Math.exp(-daysApart / LONG_DECAY_DAYS);
  }

  /** A group of articles as sums: what the mean features against another group need. */
  static final class Group {
    int size;
    int withEntities;
    int withValues;
    int dated;
    final Map<String, Double> words = new HashMap<>();
    final Map<String, Double> title = new HashMap<>();
    final Map<String, Double> entities = new HashMap<>();
    final Map<String, Double> values = new HashMap<>();
    /** Day → articles published that day. */
    final Map<Long, Integer> days = new HashMap<>();

    static Group of(EventSignature s) {
      Group g = new Group();
      g.size = 1;
      s.words.addTo(g.words);
      s.title.addTo(g.title);
      s.entities.addTo(g.entities);
      s.values.addTo(g.values);
      g.withEntities = s.entities.isEmpty() ? 0 : 1;
      g.withValues = s.values.isEmpty() ? 0 : 1;
      Long day = s.day();
      if (day != null) {
        g.dated = 1;
        g.days.put(day, 1);
      }
      return g;
    }

    void absorb(Group other) {
      size += other.size;
      withEntities += other.withEntities;
      withValues += other.withValues;
      dated += other.dated;
      other.words.forEach((k, v) -> words.merge(k, v, Double::sum));
      other.title.forEach((k, v) -> title.merge(k, v, Double::sum));
      other.entities.forEach((k, v) -> entities.merge(k, v, Double::sum));
      other.values.forEach((k, v) -> values.merge(k, v, Double::sum));
      other.days.forEach((k, v) -> days.merge(k, v, Integer::sum));
    }

    /** The mean features over all pairs of one member of this group and one of the other. */
    double[] meanFeatures(Group o) {
      double pairs = (double) size * o.size;
      double[] f = new double[COUNT];
      f[0] = dot(words, o.words) / pairs;
      f[1] = dot(title, o.title) / pairs;
      f[2] = dot(entities, o.entities) / pairs;
      f[3] = dot(values, o.values) / pairs;
      f[4] = withEntities * (double) o.withEntities / pairs;
      f[5] = withValues * (double) o.withValues / pairs;
      double shortSum = 0;
      double longSum = 0;
      for (Map.Entry<Long, Integer> a : days.entrySet()) {
        for (Map.Entry<Long, Integer> b : o.days.entrySet()) {
          long apart = Math.abs(a.getKey() - b.getKey());
          double n = (double) a.getValue() * b.getValue();
          shortSum += n * shortDecay(apart);
          longSum += n * longDecay(apart);
        }
      }
      f[6] = shortSum / pairs;
      f[7] = longSum / pairs;
      f[8] = dated * (double) o.dated / pairs;
      f[9] = cosine(words, o.words);
      f[10] = cosine(title, o.title);
      f[11] = cosine(entities, o.entities);
      f[12] = Math.log(Math.min(size, o.size));
      f[13] = Math.log(Math.max(size, o.size));
      f[14] = f[9] * f[12];
      return f;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
      double norms = Math.sqrt(dot(a, a) * dot(b, b));
      return norms == 0 ? 0 : dot(a, b) / norms;
    }

    private static double dot(Map<String, Double> a, Map<String, Double> b) {
      Map<String, Double> small = a.size() <= b.size() ? a : b;
      Map<String, Double> large = small == a ? b : a;
      double sum = 0;
      for (Map.Entry<String, Double> e : small.entrySet()) {
        Double w = large.get(e.getKey());
        if (w != null) {
          sum += e.getValue() * w;
        }
      }
      return sum;
    }
  }
}
