package io.storyline.cluster;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * The corpus's document frequencies as one combiner: each accumulator counts, per term, the
 * articles that use it; the result keeps terms shared by at least two articles (a term of one
 * article links nothing). One map for the whole vocabulary, rather than a count per term key,
 * which some runners turn into a bundle per term.
 */
final class DocumentFrequencies
    extends Combine.CombineFn<ArticleTerms, Map<String, Long>, Map<String, Long>> {
  @Override
  public Map<String, Long> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<String, Long> addInput(Map<String, Long> counts, ArticleTerms article) {
    for (String term : EventSignatures.corpusTerms(article)) {
      counts.merge(term, 1L, Long::sum);
    }
    return counts;
  }

  @Override
  public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> accumulators) {
    Map<String, Long> merged = null;
    for (Map<String, Long> counts : accumulators) {
      if (merged == null) {
        merged = counts;
      } else {
        for (Map.Entry<String, Long> e : counts.entrySet()) {
          merged.merge(e.getKey(), e.getValue(), Long::sum);
        }
      }
    }
    return merged == null ? createAccumulator() : merged;
  }

  @Override
  public Map<String, Long> extractOutput(Map<String, Long> counts) {
    Map<String, Long> shared = new HashMap<>();
    counts.forEach(
        (term, n) -> {
          if (n >= 2) {
            shared.put(term, n);
          }
        });
    return shared;
  }

  @Override
  public Coder<Map<String, Long>> getAccumulatorCoder(
      CoderRegistry registry, Coder<ArticleTerms> inputCoder) {
    return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  }

  @Override
  public Coder<Map<String, Long>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<ArticleTerms> inputCoder) {
    return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  }
}
