package io.storyline.cluster;

import io.storyline.extract.Fingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Splits one connected piece of the link graph into stories by average-linkage agglomerative
 * clustering on the learned similarity: every article starts alone, and the two stories whose
 * members are on average most similar merge first, while that mean score reaches the model's
 * threshold. The mean is exact (see {@link SimilarityFeatures}), so a story never grows by a
 * chain of pairwise links: to join, a story must be similar to all the members of the other on
 * average, and a story that spread over two events is similar to neither.
 *
 * <p>Two models: the link model ({@link SimilarityModel#links}) finds the links, found again
 * inside the piece with the same blocking keys and windows as across the corpus, so the work per
 * article stays bounded; each article's neighbourhood is built from its links ({@link
 * Neighbourhoods}); the story model scores pairs of stories with the neighbourhoods' cosine
 * among its features. Two stories are compared only when some pair of their members is linked.
 * With one model (no neighbourhoods) no merge is lost by that: a mean reaches the threshold only
 * if one of the pairs it averages does.
 *
 * <p>Members of stories an earlier run formed ({@link EventSignature#earlierStory}) start as one
 * cluster per story, scored against others by the same mean features, and are never split. Two
 * such stories merge only through a new article: one of the two clusters of a merge must hold an
 * article of this run, so an earlier run's decision not to merge them stands until new evidence.
 */
final class AverageLinkage {
  /** A finished story: its members, and the copies among them with their originals. */
  record Story(List<EventSignature> members, Map<String, String> originals) {}

  private final SimilarityModel model;
  private final @Nullable MergeObserver observer;

  AverageLinkage(SimilarityModel model) {
    this(model, null);
  }

  AverageLinkage(SimilarityModel model, @Nullable MergeObserver observer) {
    this.model = model;
    this.observer = observer;
  }

  private static final class Cluster {
    final int id;
    final List<EventSignature> members = new ArrayList<>();
    final SimilarityFeatures.Group group;
    final Set<Integer> neighbours = new HashSet<>();
    boolean alive = true;
    /** Whether it holds an article of this run, not only members of an earlier story. */
    boolean holdsNew;
    int version;

    Cluster(int id, EventSignature member, SparseVector neighbourhood) {
      this.id = id;
      this.members.add(member);
      this.group = SimilarityFeatures.Group.of(member, neighbourhood);
      this.holdsNew = member.earlierStory == null;
    }

    /** Another member of the same earlier story: the story is one cluster from the start. */
    void addEarlierMember(EventSignature member, SparseVector neighbourhood) {
      members.add(member);
      group.absorb(SimilarityFeatures.Group.of(member, neighbourhood));
    }

    void absorb(Cluster other) {
      members.addAll(other.members);
      group.absorb(other.group);
      holdsNew |= other.holdsNew;
      version++;
    }

    boolean single() {
      return members.size() == 1;
    }
  }

  private record Candidate(double score, Cluster a, Cluster b, int versionA, int versionB)
      implements Comparable<Candidate> {
    static Candidate of(double score, Cluster x, Cluster y) {
      Cluster a = x.id < y.id ? x : y;
      Cluster b = a == x ? y : x;
      return new Candidate(score, a, b, a.version, b.version);
    }

    boolean current() {
      return a.alive && b.alive && versionA == a.version && versionB == b.version;
    }

    @Override
    public int compareTo(Candidate o) {
      int c = Double.compare(o.score, score);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(a.id, o.a.id);
      return c != 0 ? c : Integer.compare(b.id, o.b.id);
    }
  }

  /** The stories of one piece of the link graph. Deterministic for a given set of members. */
  List<Story> cluster(List<EventSignature> input) {
    List<EventSignature> members = new ArrayList<>(input);
    members.sort(EventSignatures.TIME_ORDER);
    List<Neighbourhoods.Link> links = links(members);
    Map<String, SparseVector> near =
        model.usesNeighbourhoods() ? Neighbourhoods.of(links) : Map.of();
    List<Cluster> clusters = new ArrayList<>(members.size());
    Map<String, Cluster> byId = new HashMap<>();
    Map<String, Cluster> byEarlierStory = new HashMap<>();
    for (EventSignature member : members) {
      SparseVector neighbourhood = near.getOrDefault(member.articleId, SparseVector.EMPTY);
      Cluster c = member.earlierStory == null ? null : byEarlierStory.get(member.earlierStory);
      if (c == null) {
        c = new Cluster(clusters.size(), member, neighbourhood);
        clusters.add(c);
        if (member.earlierStory != null) {
          byEarlierStory.put(member.earlierStory, c);
        }
      } else {
        c.addEarlierMember(member, neighbourhood);
      }
      byId.put(member.articleId, c);
    }
    PriorityQueue<Candidate> queue = new PriorityQueue<>();
    for (Neighbourhoods.Link link : links) {
      EventSignature x = link.a();
      EventSignature y = link.b();
      Cluster a = byId.get(x.articleId);
      Cluster b = byId.get(y.articleId);
      if (a == b || a.neighbours.contains(b.id)) {
        continue;
      }
      a.neighbours.add(b.id);
      b.neighbours.add(a.id);
      // An earlier story is scored as the group it is, as after any merge.
      double[] features =
          a.single() && b.single()
              ? SimilarityFeatures.of(x, near.getOrDefault(x.articleId, SparseVector.EMPTY),
                  y, near.getOrDefault(y.articleId, SparseVector.EMPTY))
              : a.group.meanFeatures(b.group);
      observe(a, b, features);
      double score = model.score(features);
      if (model.sameStory(score) && (a.holdsNew || b.holdsNew)) {
        queue.add(Candidate.of(score, a, b));
      }
    }
    while (!queue.isEmpty()) {
      Candidate best = queue.poll();
      if (!best.current()) {
        continue;
      }
      Cluster into = best.a;
      Cluster from = best.b;
      into.absorb(from);
      from.alive = false;
      into.neighbours.addAll(from.neighbours);
      into.neighbours.remove(into.id);
      into.neighbours.remove(from.id);
      for (int n : into.neighbours) {
        Cluster other = clusters.get(n);
        other.neighbours.remove(from.id);
        other.neighbours.add(into.id);
        double[] features = into.group.meanFeatures(other.group);
        observe(into, other, features);
        double score = model.score(features);
        if (model.sameStory(score) && (into.holdsNew || other.holdsNew)) {
          queue.add(Candidate.of(score, into, other));
        }
      }
    }
    List<Story> stories = new ArrayList<>();
    for (Cluster c : clusters) {
      if (c.alive) {
        stories.add(new Story(c.members, copies(c.members)));
      }
    }
    return stories;
  }

  /**
   * The linked pairs among the members, each once, in the order the blocks compare them: the
   * pairs the link model ({@link SimilarityModel#links}) scores at its threshold or above.
   */
  private List<Neighbourhoods.Link> links(List<EventSignature> members) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < members.size(); i++) {
      index.put(members.get(i).articleId, i);
    }
    // Linked pairs only: a set of every candidate pair would grow with the blocks' windows.
    Set<Long> seen = new HashSet<>();
    List<Neighbourhoods.Link> links = new ArrayList<>();
    for (List<EventSignature> block : EventSignatures.blocks(members).values()) {
      EventSignatures.forEachCandidate(block, (x, y) -> {
        if (EventSignatures.linked(x, y, model)
            && seen.add(((long) index.get(x.articleId) << 32) | index.get(y.articleId))) {
          links.add(new Neighbourhoods.Link(x, y, x.words.dot(y.words)));
        }
      });
    }
    return links;
  }

  private void observe(Cluster a, Cluster b, double[] features) {
    if (observer != null) {
      observer.scored(ids(a), ids(b), features);
    }
  }

  private static List<String> ids(Cluster c) {
    List<String> ids = new ArrayList<>(c.members.size());
    c.members.forEach(m -> ids.add(m.articleId));
    return ids;
  }

  /** Near-copies in one story: each later article whose fingerprint matches an earlier one. */
  static Map<String, String> copies(List<EventSignature> members) {
    List<EventSignature> sorted = new ArrayList<>();
    for (EventSignature s : members) {
      if (s.fingerprint.length > 0) {
        sorted.add(s);
      }
    }
    sorted.sort(EventSignatures.TIME_ORDER);
    Map<String, String> originals = new HashMap<>();
    for (int j = 1; j < sorted.size(); j++) {
      EventSignature copy = sorted.get(j);
      for (int i = 0; i < j; i++) {
        EventSignature original = sorted.get(i);
        if (!originals.containsKey(original.articleId)
            && Fingerprint.similarity(original.fingerprint, copy.fingerprint)
                >= EventSignatures.COPY_SIMILARITY) {
          originals.put(copy.articleId, original.articleId);
          break;
        }
      }
    }
    return originals;
  }
}
