package io.storyline.cluster;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the similarity of two articles — or of two groups of articles — is learned from. Every
 * feature is a kernel that averages exactly over groups: the mean over all cross pairs of a
 * cosine is the dot product of the two groups' summed unit vectors divided by the pair count, and
 * the time features are sums over the groups' day histograms. So the score of two groups is
 * exactly the mean pairwise score of their members, which is what makes the clustering average
 * linkage (see {@link AverageLinkage}) however large the groups grow. Nothing else enters the
 * score (no centroid, no group size): a feature that is not a mean of pairs would let a story
 * grow by what it has become rather than by what its members share.
 */
final class SimilarityFeatures {
  /** Feature names, in order: the keys of the shipped model's weights. */
  static final List<String> NAMES =
      List.of("words", "title", "entities", "values", "both_entities", "both_values",
          "days_apart_2", "days_apart_14", "both_dated");

  static final int COUNT = 9;
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
    return f;
  }

  private static double shortDecay(long daysApart) {
    return Math.exp(-daysApart / SHORT_DECAY_DAYS);
  }

  private static double longDecay(long daysApart) {
    return Math.exp(-daysApart / LONG_DECAY_DAYS);
  }

  /**
   * The sums over all pairs of a day of {@code a} and a day of {@code b} (each weighed by its
   * articles) of the short and the long decay of their distance, in time linear in the days: the
   * decays are exponential, so one sweep up the days carries the decayed count of {@code b}'s
   * earlier (and same) days, and one sweep down that of its later days.
   */
  static double[] decaySums(TreeMap<Long, Integer> a, TreeMap<Long, Integer> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return new double[2];
    }
    TreeMap<Long, int[]> both = new TreeMap<>();
    a.forEach((day, n) -> both.computeIfAbsent(day, d -> new int[2])[0] = n);
    b.forEach((day, n) -> both.computeIfAbsent(day, d -> new int[2])[1] = n);
    double shortSum = 0;
    double longSum = 0;
    for (boolean up : new boolean[] {true, false}) {
      double shortCarry = 0;
      double longCarry = 0;
      Long previous = null;
      Iterator<Map.Entry<Long, int[]>> days =
          (up ? both : both.descendingMap()).entrySet().iterator();
      while (days.hasNext()) {
        Map.Entry<Long, int[]> day = days.next();
        if (previous != null) {
          long gap = Math.abs(day.getKey() - previous);
          shortCarry *= shortDecay(gap);
          longCarry *= longDecay(gap);
        }
        previous = day.getKey();
        int[] n = day.getValue();
        if (up) {
          // Going up, b's articles of the same day count (distance 0); going down, only later ones.
          shortCarry += n[1];
          longCarry += n[1];
        }
        shortSum += n[0] * shortCarry;
        longSum += n[0] * longCarry;
        if (!up) {
          shortCarry += n[1];
          longCarry += n[1];
        }
      }
    }
    return new double[] {shortSum, longSum};
  }

  /** A group of articles as sums: what the mean features against another group need. */
  static final class Group {
    int size;
    int withEntities;
    int withValues;
    int dated;
    final TermSum words = new TermSum();
    final TermSum title = new TermSum();
    final TermSum entities = new TermSum();
    final TermSum values = new TermSum();
    /** Day → articles published that day, in day order. */
    final TreeMap<Long, Integer> days = new TreeMap<>();

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
      words.addAll(other.words);
      title.addAll(other.title);
      entities.addAll(other.entities);
      values.addAll(other.values);
      other.days.forEach((k, v) -> days.merge(k, v, Integer::sum));
    }

    /** The mean features over all pairs of one member of this group and one of the other. */
    double[] meanFeatures(Group o) {
      double pairs = (double) size * o.size;
      double[] f = new double[COUNT];
      f[0] = words.dot(o.words) / pairs;
      f[1] = title.dot(o.title) / pairs;
      f[2] = entities.dot(o.entities) / pairs;
      f[3] = values.dot(o.values) / pairs;
      f[4] = withEntities * (double) o.withEntities / pairs;
      f[5] = withValues * (double) o.withValues / pairs;
      double[] decays = decaySums(days, o.days);
      f[6] = decays[0] / pairs;
      f[7] = decays[1] / pairs;
      f[8] = dated * (double) o.dated / pairs;
      return f;
    }
  }
}
