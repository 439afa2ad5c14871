package io.storyline.model;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How many of a story's outlets are rated at one factuality level. A class with public fields,
 * not a record: it is nested in {@link Story}, whose {@link JavaFieldSchema} reads public fields
 * only, and a record's are private.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class FactualityCount {
  /** {@code very_low}, {@code low}, {@code mixed}, {@code mostly_factual}, {@code high} or {@code very_high}. */
  @SchemaFieldName("level")
  public final String level;

  /** Distinct outlets of the story at this level. */
  @SchemaFieldName("sources")
  public final int sources;

  @SchemaCreate
  public FactualityCount(String level, int sources) {
    this.level = level;
    this.sources = sources;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FactualityCount f && level.equals(f.level) && sources == f.sources;
  }

  @Override
  public int hashCode() {
    return Objects.hash(level, sources);
  }

  @Override
  public String toString() {
    return level + "×" + sources;
  }
}
