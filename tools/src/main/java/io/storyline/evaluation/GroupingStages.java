package io.storyline.evaluation;

import io.storyline.cluster.EventSignature;
import io.storyline.cluster.InMemoryGrouping;
import io.storyline.cluster.InMemoryGrouping.CandidatePair;
import io.storyline.cluster.SimilarityModel;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where grouping loses a labelled file's stories, stage by stage, with the shipped models: the
 * share of its same-story pairs that the blocks compare, that the link model links, and the
 * B-cubed scores of the pieces (the connected components of the links) and of the stories
 * average linkage cuts them into. A story split at the links cannot be mended by clustering; a
 * story whole in its piece and split in the end is clustering's. Each file is scored with its
 * copy in the other regime, as the training tool makes it.
 *
 * <pre>
 * GroupingStages FILE.jsonl...
 * </pre>
 *
 * @param compared same-story pairs the blocks compare
 * @param linked same-story pairs the link model links
 * @param links all the pairs it links
 */
public record GroupingStages(String set, long compared, long linked, long links,
    ClusteringMetrics pieces, ClusteringMetrics stories) {

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: GroupingStages FILE.jsonl...");
      System.exit(2);
    }
    SimilarityModel model = SimilarityModel.shipped();
    System.out.println("| set | same-story pairs | compared | linked | links within a story"
        + " | pieces B-cubed P / R | stories B-cubed P / R / F1 |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
    for (String arg : args) {
      for (SimilarityTraining.LabelledSet set : SimilarityTraining.read(Paths.get(arg), null)) {
        System.out.println(of(set, model).row());
      }
    }
  }

  /** The stages of one labelled set: same-story pairs compared, linked, and the links made. */
  static GroupingStages of(SimilarityTraining.LabelledSet set, SimilarityModel model) {
    SimilarityModel linkModel = model.links();
    long compared = 0;
    long linked = 0;
    long linkedWithin = 0;
    for (CandidatePair pair : set.pairs()) {
      boolean within = set.gold().get(pair.a()).equals(set.gold().get(pair.b()));
      boolean link = linkModel.score(pair.features()) >= linkModel.threshold();
      compared += within ? 1 : 0;
      linked += link ? 1 : 0;
      linkedWithin += link && within ? 1 : 0;
    }
    Map<String, String> pieceOf = new HashMap<>();
    InMemoryGrouping.pieces(set.signatures(), model).forEach((piece, members) -> {
      for (EventSignature member : members) {
        pieceOf.put(member.articleId, piece);
      }
    });
    return new GroupingStages(set.name(), compared, linkedWithin, linked,
        ClusteringMetrics.compute(set.gold(), pieceOf),
        ClusteringMetrics.compute(set.gold(), InMemoryGrouping.group(set.signatures(), model)));
  }

  /** The pairs of articles of one gold story. */
  long sameStory() {
    return stories.goldPairs();
  }

  String row() {
    return String.format(Locale.ROOT,
        "| %s | %d | %.3f | %.3f | %.3f | %.3f / %.3f | %.3f / %.3f / %.3f |",
        set, sameStory(), share(compared, sameStory()), share(linked, sameStory()),
        share(linked, links),
        pieces.bcubedPrecision(), pieces.bcubedRecall(),
        stories.bcubedPrecision(), stories.bcubedRecall(), stories.bcubedF1());
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : part / (double) whole;
  }
}
