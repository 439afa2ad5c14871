package io.storyline.model;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;

/** Coders for {@code KV<String, T>} of schema'd values, which Beam does not infer by itself. */
public final class KeyedCoders {
  private KeyedCoders() {}

  public static <T> KvCoder<String, T> of(Pipeline pipeline, Class<T> valueClass) {
    try {
      return KvCoder.of(
          StringUtf8Coder.of(), pipeline.getSchemaRegistry().getSchemaCoder(valueClass));
    } catch (NoSuchSchemaException e) {
      throw new IllegalArgumentException(valueClass + " has no schema", e);
    }
  }
}
