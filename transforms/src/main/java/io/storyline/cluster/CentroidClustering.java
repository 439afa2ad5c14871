package io.storyline.cluster;

import io.storyline.extract.Fingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Splits one connected piece of the link graph into stories: agglomerative clustering with
 * centroid linkage. Every article starts alone; the most similar pair of clusters (cosine of their
 * summed TF-IDF vectors) merges first, as long as that similarity reaches the merge threshold and
 * the two clusters' time spans lie close enough. Centroids keep two same-kind events apart where
 * single links would chain them, and keep a large story together where its members share little
 * pairwise. Clusters published close together in time merge on less shared vocabulary. Candidate pairs are each article's neighbours in time order, so the work per article
 * is bounded; a merged cluster is compared only with its members' neighbours.
 */
final class CentroidClustering {
  /** A finished story: its members, and the copies among them with their originals. */
  static final class Story {
    final List<EventSignature> members;
    final Map<String, String> originals;

    Story(List<EventSignature> members, Map<String, String> originals) {
      this.members = members;
      this.originals = originals;
    }
  }

  private final double mergeSimilarity;
  private final double closeMergeSimilarity;
  private final long closeMillis;
  private final long maxGapMillis;
  private final int window;

  /** Clustering with the project's settings from {@link EventSignatures}. */
  CentroidClustering() {
    this(EventSignatures.MERGE_SIMILARITY, EventSignatures.CLOSE_MERGE_SIMILARITY,
        EventSignatures.CLOSE_IN_TIME.getMillis(), EventSignatures.MAX_TIME_GAP.getMillis(),
        EventSignatures.PIECE_WINDOW);
  }

  CentroidClustering(double mergeSimilarity, double closeMergeSimilarity, long closeMillis,
      long maxGapMillis, int window) {
    this.mergeSimilarity = mergeSimilarity;
    this.closeMergeSimilarity = closeMergeSimilarity;
    this.closeMillis = closeMillis;
    this.maxGapMillis = maxGapMillis;
    this.window = window;
  }

  private static final class Cluster {
    final int id;
    final List<EventSignature> members = new ArrayList<>();
    final Map<String, Double> centroid = new HashMap<>();
    final Set<Integer> neighbours = new HashSet<>();
    double wordNorm;
    double entityNorm;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    boolean alive = true;
    int version;

    Cluster(int id, EventSignature member) {
      this.id = id;
      add(member);
      updateNorm();
    }

    void add(EventSignature s) {
      members.add(s);
      for (int i = 0; i < s.terms.size(); i++) {
        centroid.merge(s.terms.get(i), s.weights.get(i), Double::sum);
      }
      if (s.published != null) {
        first = Math.min(first, s.published.getMillis());
        last = Math.max(last, s.published.getMillis());
      }
    }

    void absorb(Cluster other) {
      for (EventSignature s : other.members) {
        add(s);
      }
      updateNorm();
      version++;
    }

    void updateNorm() {
      double words = 0;
      double entities = 0;
      for (Map.Entry<String, Double> e : centroid.entrySet()) {
        double w2 = e.getValue() * e.getValue();
        if (EventSignatures.isEntity(e.getKey())) {
          entities += w2;
        } else {
          words += w2;
        }
      }
      wordNorm = Math.sqrt(words);
      entityNorm = Math.sqrt(entities);
    }

    double similarity(Cluster other) {
      Map<String, Double> small = centroid.size() <= other.centroid.size() ? centroid : other.centroid;
      Map<String, Double> large = small == centroid ? other.centroid : centroid;
      double wordDot = 0;
      double entityDot = 0;
      for (Map.Entry<String, Double> e : small.entrySet()) {
        Double w = large.get(e.getKey());
        if (w != null) {
          if (EventSignatures.isEntity(e.getKey())) {
            entityDot += e.getValue() * w;
          } else {
            wordDot += e.getValue() * w;
          }
        }
      }
      return EventSignatures.similarity(
          wordDot, wordNorm, other.wordNorm, entityDot, entityNorm, other.entityNorm);
    }

    boolean dated() {
      return first != Long.MAX_VALUE;
    }
  }

  private static final class Candidate implements Comparable<Candidate> {
    final double similarity;
    final Cluster a;
    final Cluster b;
    final int versionA;
    final int versionB;

    Candidate(double similarity, Cluster a, Cluster b) {
      this.similarity = similarity;
      this.a = a.id < b.id ? a : b;
      this.b = a.id < b.id ? b : a;
      this.versionA = this.a.version;
      this.versionB = this.b.version;
    }

    @Override
    public int compareTo(Candidate o) {
      int c = Double.compare(o.similarity, similarity);
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
    List<Cluster> clusters = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      clusters.add(new Cluster(i, members.get(i)));
    }
    PriorityQueue<Candidate> queue = new PriorityQueue<>();
    for (int i = 0; i < clusters.size(); i++) {
      int end = Math.min(clusters.size(), i + 1 + window);
      for (int j = i + 1; j < end; j++) {
        Cluster a = clusters.get(i);
        Cluster b = clusters.get(j);
        a.neighbours.add(b.id);
        b.neighbours.add(a.id);
        offer(queue, a, b);
      }
    }
    while (!queue.isEmpty()) {
      Candidate best = queue.poll();
      if (!best.a.alive || !best.b.alive
          || best.versionA != best.a.version || best.versionB != best.b.version) {
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
        if (other.alive) {
          other.neighbours.add(into.id);
          offer(queue, into, other);
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

  private void offer(PriorityQueue<Candidate> queue, Cluster a, Cluster b) {
    if (tooFarApart(a, b)) {
      return;
    }
    double similarity = a.similarity(b);
    double threshold = close(a, b) ? closeMergeSimilarity : mergeSimilarity;
    if (similarity >= threshold) {
      queue.add(new Candidate(similarity, a, b));
    }
  }

  /** Both dated, and their time spans within the close window. */
  private boolean close(Cluster a, Cluster b) {
    if (!a.dated() || !b.dated()) {
      return false;
    }
    return Math.max(a.first, b.first) - Math.min(a.last, b.last) <= closeMillis;
  }

  private boolean tooFarApart(Cluster a, Cluster b) {
    if (!a.dated() || !b.dated()) {
      return false;
    }
    long gap = Math.max(a.first, b.first) - Math.min(a.last, b.last);
    return gap > maxGapMillis;
  }

  /** Near-copies in one story: each later article whose fingerprint matches an earlier one. */
  static Map<String, String> copies(List<EventSignature> members) {
    List<EventSignature> sorted = new ArrayList<>();
    for (EventSignature s : members) {
      if (!s.fingerprint.isEmpty()) {
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
