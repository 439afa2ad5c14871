package io.storyline.model;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How many of a story's outlets one owner has. A class with public fields for the reason given
 * in {@link FactualityCount}.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class OwnerCount {
  @SchemaFieldName("owner")
  public final String owner;

  /** Distinct outlets of the story this owner has. */
  @SchemaFieldName("sources")
  public final int sources;

  @SchemaCreate
  public OwnerCount(String owner, int sources) {
    this.owner = owner;
    this.sources = sources;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof OwnerCount c && owner.equals(c.owner) && sources == c.sources;
  }

  @Override
  public int hashCode() {
    return Objects.hash(owner, sources);
  }

  @Override
  public String toString() {
    return owner + "×" + sources;
  }
}
