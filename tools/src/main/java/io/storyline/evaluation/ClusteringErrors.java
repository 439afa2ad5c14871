package io.storyline.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mistakes of a predicted clustering that cost the most B-cubed score.
 *
 * <ul>
 *   <li>A <b>merge</b> is a predicted cluster that mixes gold clusters. Its cost is the B-cubed
 *       precision it loses: the sum over its items of (1 - share of the cluster in the item's gold
 *       cluster), divided by the number of items scored.
 *   <li>A <b>split</b> is a gold cluster scattered over predicted clusters. Its cost is the B-cubed
 *       recall it loses, computed the same way with the roles swapped.
 * </ul>
 *
 * <p>Each mistake lists its parts (largest first) with their sizes and a few example titles.
 */
final class ClusteringErrors {
  /** Example titles shown per part. */
  static final int EXAMPLES = 2;

  /** Parts listed per mistake; the rest are summed up in one line. */
  static final int PARTS_SHOWN = 6;

  private static final int TITLE_WIDTH = 90;

  /** One piece of a mistake: the items a merged or split cluster shares with another cluster. */
  static final class Part {
    /** Label of the other cluster; null for an item missing from the prediction. */
    final String label;

    /** Size of the other cluster as a whole. */
    final int clusterSize;

    /** Items in this part, in gold order. */
    final List<String> items;

    Part(String label, int clusterSize, List<String> items) {
      this.label = label;
      this.clusterSize = clusterSize;
      this.items = items;
    }

    int size() {
      return items.size();
    }
  }

  /** A predicted cluster that mixes gold clusters, or a gold cluster split over predicted ones. */
  static final class Mistake {
    /** Label of the merged (predicted) or split (gold) cluster. */
    final String label;

    final int size;

    /** B-cubed precision (merge) or recall (split) lost. */
    final double cost;

    final List<Part> parts;

    Mistake(String label, int size, double cost, List<Part> parts) {
      this.label = label;
      this.size = size;
      this.cost = cost;
      this.parts = parts;
    }
  }

  private ClusteringErrors() {}

  /** The {@code n} predicted clusters that lose the most B-cubed precision, worst first. */
  static List<Mistake> worstMerges(AlignedClusterings aligned, int n) {
    return worst(
        aligned.predicted,
        aligned.predictedLabels,
        aligned.gold,
        aligned.goldLabels,
        aligned.items,
        n);
  }

  /** The {@code n} gold clusters that lose the most B-cubed recall, worst first. */
  static List<Mistake> worstSplits(AlignedClusterings aligned, int n) {
    return worst(
        aligned.gold,
        aligned.goldLabels,
        aligned.predicted,
        aligned.predictedLabels,
        aligned.items,
        n);
  }

  /**
   * Clusters of {@code outer} that hold items of more than one {@code inner} cluster, by the score
   * they lose.
   */
  private static List<Mistake> worst(
      int[] outer,
      List<String> outerLabels,
      int[] inner,
      List<String> innerLabels,
      List<String> items,
      int n) {
    int total = items.size();
    int[] innerSizes = new int[innerLabels.size()];
    for (int c : inner) {
      innerSizes[c]++;
    }
    // Outer cluster -> inner cluster -> shared items, all in item order.
    List<Map<Integer, List<String>>> partsOf = new ArrayList<>();
    for (int c = 0; c < outerLabels.size(); c++) {
      partsOf.add(new LinkedHashMap<>());
    }
    for (int i = 0; i < total; i++) {
      partsOf.get(outer[i]).computeIfAbsent(inner[i], k -> new ArrayList<>()).add(items.get(i));
    }
    List<Mistake> mistakes = new ArrayList<>();
    for (int c = 0; c < outerLabels.size(); c++) {
      Map<Integer, List<String>> parts = partsOf.get(c);
      if (parts.size() < 2) {
        continue;
      }
      int size = 0;
      double sumOfSquares = 0;
      List<Part> list = new ArrayList<>();
      for (Map.Entry<Integer, List<String>> part : parts.entrySet()) {
        int shared = part.getValue().size();
        size += shared;
        sumOfSquares += (double) shared * shared;
        list.add(
            new Part(
                innerLabels.get(part.getKey()),
                innerSizes[part.getKey()],
                Collections.unmodifiableList(part.getValue())));
      }
      list.sort(Comparator.comparingInt(Part::size).reversed());
      double cost = (size - sumOfSquares / size) / total;
      mistakes.add(new Mistake(outerLabels.get(c), size, cost, Collections.unmodifiableList(list)));
    }
    mistakes.sort(
        Comparator.comparingDouble((Mistake m) -> m.cost)
            .reversed()
            .thenComparing(m -> m.size, Comparator.reverseOrder()));
    return mistakes.subList(0, Math.min(n, mistakes.size()));
  }

  /** The worst merges and splits as text, with example titles from {@code titleOf}. */
  static String describe(AlignedClusterings aligned, Map<String, String> titleOf, int n) {
    StringBuilder out = new StringBuilder();
    List<Mistake> merges = worstMerges(aligned, n);
    out.append(
        String.format(
            Locale.ROOT,
            "%nWorst merges: predicted stories that mix gold stories (B-cubed precision lost)%n"));
    if (merges.isEmpty()) {
      out.append("  none\n");
    }
    for (int i = 0; i < merges.size(); i++) {
      Mistake m = merges.get(i);
      out.append(
          String.format(
              Locale.ROOT,
              "%2d. story %s: %d articles from %d gold stories, -%.4f P%n",
              i + 1,
              m.label,
              m.size,
              m.parts.size(),
              m.cost));
      appendParts(out, m, "gold", titleOf);
    }
    List<Mistake> splits = worstSplits(aligned, n);
    out.append(
        String.format(
            Locale.ROOT,
            "%nWorst splits: gold stories scattered over predicted stories (B-cubed recall"
                + " lost)%n"));
    if (splits.isEmpty()) {
      out.append("  none\n");
    }
    for (int i = 0; i < splits.size(); i++) {
      Mistake m = splits.get(i);
      out.append(
          String.format(
              Locale.ROOT,
              "%2d. gold %s: %d articles in %d predicted stories, -%.4f R%n",
              i + 1,
              m.label,
              m.size,
              m.parts.size(),
              m.cost));
      appendParts(out, m, "story", titleOf);
    }
    return out.toString();
  }

  private static void appendParts(
      StringBuilder out, Mistake mistake, String kind, Map<String, String> titleOf) {
    List<Part> parts = mistake.parts;
    for (int p = 0; p < Math.min(PARTS_SHOWN, parts.size()); p++) {
      Part part = parts.get(p);
      String where =
          part.label == null
              ? "missing from output"
              : kind + " " + part.label + " (of " + part.clusterSize + ")";
      out.append(String.format(Locale.ROOT, "     %4d  %s%n", part.size(), where));
      int shown = 0;
      for (String item : part.items) {
        if (shown == EXAMPLES) {
          break;
        }
        String title = titleOf.get(item);
        out.append("             ")
            .append(title == null || title.isBlank() ? "[" + item + ", no title]" : clip(title))
            .append('\n');
        shown++;
      }
    }
    if (parts.size() > PARTS_SHOWN) {
      int rest = 0;
      for (Part part : parts.subList(PARTS_SHOWN, parts.size())) {
        rest += part.size();
      }
      out.append(
          String.format(
              Locale.ROOT, "     %4d  in %d more parts%n", rest, parts.size() - PARTS_SHOWN));
    }
  }

  private static String clip(String title) {
    String oneLine = title.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= TITLE_WIDTH
        ? oneLine
        : oneLine.substring(0, TITLE_WIDTH - 3) + "...";
  }
}
