package io.storyline.consolidate;

import io.storyline.model.FactualityCount;
import io.storyline.model.OwnerCount;
import io.storyline.ratings.Bias;
import io.storyline.ratings.Factuality;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Who covers a story, counted in distinct outlets: how many are rated left, center and right,
 * how many have no bias rating, the factuality levels and the owners of the rated ones, and the
 * story's blindspot.
 *
 * <p>A story is a blindspot for one side when that side has at most {@value
 * #BLINDSPOT_MAX_PERCENT}% of its bias-rated outlets, the other side has more, and at least
 * {@value #BLINDSPOT_MIN_RATED} of its outlets are bias-rated: with fewer, a share says little.
 * A story that both sides barely cover (one carried by the center) is no side's blindspot.
 */
public record OutletCoverage(
    @Nullable Integer left,
    @Nullable Integer center,
    @Nullable Integer right,
    @Nullable Integer unrated,
    @Nullable String blindspot,
    List<FactualityCount> factuality,
    List<OwnerCount> owners) {
  static final int BLINDSPOT_MAX_PERCENT = 20;
  static final int BLINDSPOT_MIN_RATED = 3;

  /** The coverage of a run without ratings: nothing counted. */
  public static final OutletCoverage NOT_RATED =
      new OutletCoverage(null, null, null, null, null, List.of(), List.of());

  public OutletCoverage {
    factuality = List.copyOf(factuality);
    owners = List.copyOf(owners);
  }

  /** The coverage of a story with these articles' outlets. */
  public static OutletCoverage of(Iterable<ArticleOutlet> articles) {
    // One entry per outlet: its articles all matched the same ratings row, or none.
    Map<String, ArticleOutlet> outlets = new TreeMap<>();
    for (ArticleOutlet a : articles) {
      outlets.putIfAbsent(a.identity(), a);
    }
    Map<Bias.Side, Integer> sides = new EnumMap<>(Bias.Side.class);
    Map<Factuality, Integer> levels = new EnumMap<>(Factuality.class);
    Map<String, Integer> owners = new LinkedHashMap<>();
    int unrated = 0;
    for (ArticleOutlet o : outlets.values()) {
      Bias bias = o.bias() == null ? null : Bias.fromLabel(o.bias());
      if (bias == null) {
        unrated++;
      } else {
        sides.merge(bias.side(), 1, Integer::sum);
      }
      Factuality level = o.factuality() == null ? null : Factuality.fromLabel(o.factuality());
      if (level != null) {
        levels.merge(level, 1, Integer::sum);
      }
      if (o.owner() != null) {
        owners.merge(o.owner(), 1, Integer::sum);
      }
    }
    int left = sides.getOrDefault(Bias.Side.LEFT, 0);
    int center = sides.getOrDefault(Bias.Side.CENTER, 0);
    int right = sides.getOrDefault(Bias.Side.RIGHT, 0);
    List<FactualityCount> factuality = new ArrayList<>();
    levels.forEach((level, n) -> factuality.add(new FactualityCount(level.label(), n)));
    List<OwnerCount> byOwner = new ArrayList<>();
    owners.forEach((owner, n) -> byOwner.add(new OwnerCount(owner, n)));
    byOwner.sort(Comparator.comparing((OwnerCount c) -> -c.sources).thenComparing(c -> c.owner));
    return new OutletCoverage(left, center, right, unrated, blindspot(left, center, right),
        factuality, byOwner);
  }

  /** {@code left}, {@code right} or null, by the rule above. */
  static @Nullable String blindspot(int left, int center, int right) {
    int rated = left + center + right;
    if (rated < BLINDSPOT_MIN_RATED) {
      return null;
    }
    boolean leftMisses = 100 * left <= BLINDSPOT_MAX_PERCENT * rated;
    boolean rightMisses = 100 * right <= BLINDSPOT_MAX_PERCENT * rated;
    if (leftMisses && !rightMisses) {
      return Bias.Side.LEFT.label();
    }
    if (rightMisses && !leftMisses) {
      return Bias.Side.RIGHT.label();
    }
    return null;
  }
}
