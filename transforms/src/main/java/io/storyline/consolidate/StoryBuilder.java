package io.storyline.consolidate;

import io.storyline.cluster.StoryIds;
import io.storyline.model.ArticleFacts;
import io.storyline.model.ClaimMention;
import io.storyline.model.ClaimVariant;
import io.storyline.model.Entity;
import io.storyline.model.Story;
import io.storyline.model.StoryClaim;
import io.storyline.model.StoryMember;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.joda.time.Instant;

/**
 * Consolidates the members of one story into its story record and claim records. Support counts
 * distinct sources among independent articles: a near-copy of another article adds its id to a
 * claim but not its source. A slot is contested when two of its values are each carried by a
 * source that does not carry the other.
 */
public final class StoryBuilder {
  static final int KEY_ENTITIES = 10;
  static final int MAX_CLAIMS = 100;
  private static final int SIGNATURE_TERMS = 6;

  /** The story and its claims. */
  public static final class Result {
    public final Story story;
    public final List<StoryClaim> claims;

    Result(Story story, List<StoryClaim> claims) {
      this.story = story;
      this.claims = claims;
    }
  }

  private StoryBuilder() {}

  /** A story of a run without ratings. */
  public static Result build(String storyId, Iterable<StoryMember> members) {
    return build(storyId, members, OutletCoverage.NOT_RATED);
  }

  /** A story with the coverage its articles' rated outlets give ({@link OutletCoverage#of}). */
  public static Result build(String storyId, Iterable<StoryMember> members, OutletCoverage coverage) {
    List<StoryMember> sorted = new ArrayList<>();
    members.forEach(sorted::add);
    sorted.sort(Comparator.comparing((StoryMember m) -> timeOf(m.facts)).thenComparing(m -> m.facts.articleId));

    Set<String> sources = new TreeSet<>();
    Instant first = null;
    Instant last = null;
    int duplicates = 0;
    Map<String, Integer> termCounts = new HashMap<>();
    for (StoryMember m : sorted) {
      sources.add(m.facts.source);
      if (m.duplicateOf != null) {
        duplicates++;
      }
      Instant p = m.facts.published;
      if (p != null) {
        first = first == null || p.isBefore(first) ? p : first;
        last = last == null || p.isAfter(last) ? p : last;
      }
      for (String term : new TreeSet<>(m.facts.terms)) {
        termCounts.merge(term, 1, Integer::sum);
      }
    }
    ArticleFacts central = centralArticle(sorted, termCounts);
    List<StoryClaim> claims = claims(storyId, sorted);
    long contestedSlots = claims.stream().filter(c -> c.contested).map(c -> c.slot).distinct().count();
    Story story =
        new Story(
            storyId,
            central.title != null ? central.title : central.lead,
            central.lead,
            sorted.size(),
            sources.size(),
            new ArrayList<>(sources),
            coverage.left(),
            coverage.center(),
            coverage.right(),
            coverage.unrated(),
            coverage.blindspot(),
            coverage.factuality(),
            coverage.owners(),
            first,
            last,
            keyEntities(sorted),
            claims.size(),
            (int) contestedSlots,
            signature(termCounts, claims),
            duplicates,
            null,
            null);
    return new Result(story, claims);
  }

  private static long timeOf(ArticleFacts f) {
    return f.published == null ? Long.MAX_VALUE : f.published.getMillis();
  }

  /** The member whose terms best cover the story's common terms: its title heads the story. */
  private static ArticleFacts centralArticle(List<StoryMember> members, Map<String, Integer> termCounts) {
    ArticleFacts best = members.get(0).facts;
    double bestScore = -1;
    for (StoryMember m : members) {
      if (m.facts.title == null || m.duplicateOf != null) {
        continue;
      }
      Set<String> terms = new TreeSet<>(m.facts.terms);
      double score = 0;
      for (String t : terms) {
        score += termCounts.getOrDefault(t, 0) - 1;
      }
      score /= Math.sqrt(terms.size() + 1.0);
      if (score > bestScore) {
        bestScore = score;
        best = m.facts;
      }
    }
    return best;
  }

  private static List<Entity> keyEntities(List<StoryMember> members) {
    Map<String, Entity> best = new HashMap<>();
    Map<String, Integer> articles = new HashMap<>();
    Map<String, Integer> mentions = new HashMap<>();
    for (StoryMember m : members) {
      for (Entity e : m.facts.entities) {
        String key = e.key();
        articles.merge(key, 1, Integer::sum);
        mentions.merge(key, e.count, Integer::sum);
        Entity known = best.get(key);
        if (known == null || e.count > known.count) {
          best.put(key, e);
        }
      }
    }
    return articles.keySet().stream()
        .sorted(
            Comparator.comparing((String k) -> -articles.get(k))
                .thenComparing(k -> -mentions.get(k))
                .thenComparing(k -> k))
        .limit(KEY_ENTITIES)
        .map(k -> new Entity(best.get(k).name, best.get(k).type, articles.get(k)))
        .collect(Collectors.toList());
  }

  private static String signature(Map<String, Integer> termCounts, List<StoryClaim> claims) {
    String terms =
        termCounts.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(SIGNATURE_TERMS)
            .map(Map.Entry::getKey)
            .collect(Collectors.joining(" "));
    String values =
        claims.stream()
            .filter(c -> !c.kind.equals("quote") && c.supportCount > 1)
            .limit(4)
            .map(c -> c.value)
            .collect(Collectors.joining(", "));
    return values.isEmpty() ? terms : terms + " | " + values;
  }

  /** Mentions of one claim key, gathered across the story. */
  private static final class Gathered {
    final String claimKey;
    final List<ClaimMention> mentions = new ArrayList<>();
    final Set<String> articleIds = new TreeSet<>();
    final Set<String> independentSources = new TreeSet<>();

    Gathered(String claimKey) {
      this.claimKey = claimKey;
    }

    ClaimMention first() {
      return mentions.get(0);
    }

    /**
     * What two values must share to disagree: dates their relation ("since 2018" and "until 2028"
     * answer different questions), quantities their unit ("eight years", "two agencies").
     */
    String contestSlot() {
      ClaimMention m = first();
      switch (m.kind) {
        case "date":
          return m.slotKey + "|" + mostCommon(mentions, x -> x.relation);
        case "quantity":
          return m.slotKey + "|" + m.valueKey.substring(m.valueKey.indexOf(' ') + 1);
        default:
          return m.slotKey;
      }
    }
  }

  private static List<StoryClaim> claims(String storyId, List<StoryMember> members) {
    Map<String, Gathered> byKey = new LinkedHashMap<>();
    for (StoryMember m : members) {
      for (ClaimMention c : m.facts.claims) {
        Gathered g = byKey.computeIfAbsent(c.claimKey, Gathered::new);
        g.mentions.add(c);
        g.articleIds.add(m.facts.articleId);
        if (m.duplicateOf == null) {
          g.independentSources.add(m.facts.source);
        }
      }
    }
    Map<String, List<Gathered>> bySlot = new TreeMap<>();
    for (Gathered g : byKey.values()) {
      if (!g.independentSources.isEmpty()) {
        bySlot.computeIfAbsent(g.contestSlot(), s -> new ArrayList<>()).add(g);
      }
    }
    List<StoryClaim> claims = new ArrayList<>();
    for (Map.Entry<String, List<Gathered>> slot : bySlot.entrySet()) {
      List<Gathered> values = slot.getValue();
      values.sort(Comparator.comparing((Gathered g) -> -g.independentSources.size()).thenComparing(g -> g.claimKey));
      boolean contested = !values.get(0).first().kind.equals("quote") && contested(values);
      List<ClaimVariant> variants = new ArrayList<>();
      for (Gathered g : values) {
        variants.add(
            new ClaimVariant(mostCommon(g.mentions, x -> x.value), g.independentSources.size(),
                new ArrayList<>(g.independentSources), new ArrayList<>(g.articleIds)));
      }
      for (Gathered g : values) {
        ClaimMention m = g.first();
        claims.add(
            new StoryClaim(
                claimId(storyId, g.claimKey),
                storyId,
                representativeText(g.mentions),
                m.kind,
                mostCommon(g.mentions, x -> x.subject),
                mostCommon(g.mentions, x -> x.predicate),
                mostCommon(g.mentions, x -> x.relation),
                mostCommon(g.mentions, x -> x.value),
                g.independentSources.size(),
                new ArrayList<>(g.articleIds),
                new ArrayList<>(g.independentSources),
                contested,
                contested ? variants : List.of(variants.get(values.indexOf(g))),
                slot.getKey(),
                null));
      }
    }
    claims.sort(Comparator.comparing((StoryClaim c) -> -c.supportCount).thenComparing(c -> c.claimId));
    return claims.size() > MAX_CLAIMS ? new ArrayList<>(claims.subList(0, MAX_CLAIMS)) : claims;
  }

  /** Two values, each carried by a source that does not carry the other. */
  static boolean contested(List<Gathered> values) {
    for (int i = 0; i < values.size(); i++) {
      for (int j = i + 1; j < values.size(); j++) {
        Set<String> a = values.get(i).independentSources;
        Set<String> b = values.get(j).independentSources;
        if (!b.containsAll(a) && !a.containsAll(b)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The shortest stating sentence of a readable length; ties go to the earliest. */
  private static String representativeText(List<ClaimMention> mentions) {
    ClaimMention best = null;
    for (ClaimMention m : mentions) {
      boolean readable = m.text.length() >= 40;
      if (best == null
          || (readable && (best.text.length() < 40 || m.text.length() < best.text.length()))) {
        best = m;
      }
    }
    return best.text;
  }

  private static <T> T mostCommon(List<ClaimMention> mentions, java.util.function.Function<ClaimMention, T> field) {
    Map<T, Integer> counts = new LinkedHashMap<>();
    for (ClaimMention m : mentions) {
      T value = field.apply(m);
      if (value != null) {
        counts.merge(value, 1, Integer::sum);
      }
    }
    T best = null;
    int bestCount = 0;
    for (Map.Entry<T, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  static String claimId(String storyId, String claimKey) {
    return StoryIds.hashed("cl-", storyId + "\n" + claimKey);
  }
}
