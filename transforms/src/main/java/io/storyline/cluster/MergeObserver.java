package io.storyline.cluster;

import java.util.List;

/** Sees every pair of stories that clustering scores: how the training tool learns merges. */
public interface MergeObserver {
  void scored(List<String> a, List<String> b, double[] features);
}
