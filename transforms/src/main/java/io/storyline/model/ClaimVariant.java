package io.storyline.model;

import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One value a claim slot takes in a story, with who says so. */
@DefaultSchema(JavaFieldSchema.class)
public final class ClaimVariant {
  @SchemaFieldName("value")
  public final String value;

  @SchemaFieldName("support_count")
  public final int supportCount;

  @SchemaFieldName("sources")
  public final List<String> sources;

  @SchemaFieldName("article_ids")
  public final List<String> articleIds;

  @SchemaCreate
  public ClaimVariant(String value, int supportCount, List<String> sources, List<String> articleIds) {
    this.value = value;
    this.supportCount = supportCount;
    this.sources = sources;
    this.articleIds = articleIds;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ClaimVariant)) {
      return false;
    }
    ClaimVariant v = (ClaimVariant) o;
    return supportCount == v.supportCount && value.equals(v.value) && sources.equals(v.sources)
        && articleIds.equals(v.articleIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, supportCount);
  }

  @Override
  public String toString() {
    return value + " (" + supportCount + ": " + sources + ")";
  }
}
