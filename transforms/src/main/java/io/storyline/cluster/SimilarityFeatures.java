package io.storyline.cluster;

import java.util.List;

/**
 * What the similarity of two articles — or of two groups of articles — is learned from. Every
 * feature is a kernel that averages exactly over groups: the mean over all cross pairs of a
 * cosine is the dot product of the two groups' summed unit vectors divided by the pair count (for
 * the time gate, see {@link DatedTermSum}), and the indicators are products of counts. So the
 * score of two groups is exactly the mean pairwise score of their members, which is what makes
 * the clustering average linkage (see {@link AverageLinkage}) however large the groups grow.
 * Nothing else enters the score (no centroid, no group size): a feature that is not a mean of
 * pairs would let a story grow by what it has become rather than by what its members share.
 *
 * <p>Time enters as a gate, not as a term of its own: the four cosines of two dated articles are
 * multiplied by {@link #gate}, 1 up to a day apart, then fading by {@code exp(-(days apart - 1) /
 * 3)} to nothing from {@link #NEAR_DAYS} days apart. A linear score can only add time to text,
 * and what it learns to add — a bonus for being near in time — merges different stories of the
 * same days in a dense stream of one country's politics, where many share their words; a gate
 * only ever takes similarity away from what lies far apart in time. An undated article's pairs
 * are not gated. Whether articles are dated is not a feature: with it, the model learned to tell
 * the development sets apart by their dates (the undated ones happened to be the dense ones) and
 * was far stricter on any undated corpus, whatever the size of its stories.
 */
final class SimilarityFeatures {
  /** Feature names, in order: the keys of the shipped model's weights. */
  static final List<String> NAMES =
      List.of("words", "title", "entities", "values", "both_entities", "both_values",
          "neighbourhood");

  static final int COUNT = 7;
  /** The index of the neighbourhood cosine, which only the story model weighs (see {@link Neighbourhoods}). */
  static final int NEIGHBOURHOOD = 6;
  /** The scale, in days, of the gate's decay beyond the first day apart. */
  private static final double GATE_DECAY_DAYS = 3;
  /** From this many days apart, the gate is 0. */
  static final int NEAR_DAYS = 15;

  private SimilarityFeatures() {}

  /** The features of a pair of articles, without their neighbourhoods (as links are found). */
  static double[] of(EventSignature a, EventSignature b) {
    return of(a, SparseVector.EMPTY, b, SparseVector.EMPTY);
  }

  /** The features of a pair of articles, with their neighbourhoods. */
  static double[] of(EventSignature a, SparseVector aNear, EventSignature b, SparseVector bNear) {
    double[] f = new double[COUNT];
    Long dayA = a.day();
    Long dayB = b.day();
    double gate = dayA != null && dayB != null ? gate(Math.abs(dayA - dayB)) : 1;
    f[0] = gate * a.words.dot(b.words);
    f[1] = gate * a.title.dot(b.title);
    f[2] = gate * a.entities.dot(b.entities);
    f[3] = gate * a.values.dot(b.values);
    f[NEIGHBOURHOOD] = gate * aNear.dot(bNear);
    f[4] = !a.entities.isEmpty() && !b.entities.isEmpty() ? 1 : 0;
    f[5] = !a.values.isEmpty() && !b.values.isEmpty() ? 1 : 0;
    return f;
  }

  /**
   * The share of their cosines that two dated articles this many days apart keep: 1 up to a day
   * apart, then fading, and 0 from {@link #NEAR_DAYS} apart.
   */
  static double gate(long daysApart) {
    return daysApart >= NEAR_DAYS ? 0 : Math.exp(-Math.max(daysApart - 1, 0) / GATE_DECAY_DAYS);
  }

  /** A group of articles as sums: what the mean features against another group need. */
  static final class Group {
    int size;
    int withEntities;
    int withValues;
    final DatedTermSum words = new DatedTermSum();
    final DatedTermSum title = new DatedTermSum();
    final DatedTermSum entities = new DatedTermSum();
    final DatedTermSum values = new DatedTermSum();
    final DatedTermSum neighbourhood = new DatedTermSum();

    static Group of(EventSignature s) {
      return of(s, SparseVector.EMPTY);
    }

    static Group of(EventSignature s, SparseVector near) {
      Group g = new Group();
      g.size = 1;
      Long day = s.day();
      g.words.add(s.words, day);
      g.title.add(s.title, day);
      g.entities.add(s.entities, day);
      g.values.add(s.values, day);
      g.neighbourhood.add(near, day);
      g.withEntities = s.entities.isEmpty() ? 0 : 1;
      g.withValues = s.values.isEmpty() ? 0 : 1;
      return g;
    }

    void absorb(Group other) {
      size += other.size;
      withEntities += other.withEntities;
      withValues += other.withValues;
      words.addAll(other.words);
      title.addAll(other.title);
      entities.addAll(other.entities);
      values.addAll(other.values);
      neighbourhood.addAll(other.neighbourhood);
    }

    /** The mean features over all pairs of one member of this group and one of the other. */
    double[] meanFeatures(Group o) {
      double pairs = (double) size * o.size;
      double[] f = new double[COUNT];
      f[0] = words.gatedDot(o.words) / pairs;
      f[1] = title.gatedDot(o.title) / pairs;
      f[2] = entities.gatedDot(o.entities) / pairs;
      f[3] = values.gatedDot(o.values) / pairs;
      f[4] = withEntities * (double) o.withEntities / pairs;
      f[5] = withValues * (double) o.withValues / pairs;
      f[NEIGHBOURHOOD] = neighbourhood.gatedDot(o.neighbourhood) / pairs;
      return f;
    }
  }
}
