package io.storyline.cluster;

import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * One element per entry of a combined map. A global combine's map (document frequencies, the
 * pieces of linked articles) grows with the corpus; shared as entries through {@code
 * View.asMap} it is never one record, which some runners cannot carry (Flink's combiners fail on
 * a record larger than their sort buffer).
 */
final class MapEntries<V> extends DoFn<Map<String, V>, KV<String, V>> {
  @ProcessElement
  public void process(@Element Map<String, V> map, OutputReceiver<KV<String, V>> out) {
    for (Map.Entry<String, V> e : map.entrySet()) {
      out.output(KV.of(e.getKey(), e.getValue()));
    }
  }
}
