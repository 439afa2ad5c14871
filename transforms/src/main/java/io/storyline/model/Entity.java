package io.storyline.model;

import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.annotations.SchemaFieldName;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A named entity: in an article with its mention count, in a story with its article count. */
@DefaultSchema(JavaFieldSchema.class)
public final class Entity {
  /** The longest surface form seen, e.g. "International Space Station". */
  @SchemaFieldName("name")
  public final String name;

  /** {@code person}, {@code organization}, {@code place} or {@code other}. */
  @SchemaFieldName("type")
  public final String type;

  /** Mentions in an article; articles mentioning it in a story. */
  @SchemaFieldName("count")
  public final int count;

  @SchemaCreate
  public Entity(String name, String type, int count) {
    this.name = name;
    this.type = type;
    this.count = count;
  }

  /** The identity used to match mentions across articles: the lower-cased name. */
  public String key() {
    return EntityKeys.of(name);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Entity)) {
      return false;
    }
    Entity e = (Entity) o;
    return count == e.count && name.equals(e.name) && type.equals(e.type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, count);
  }

  @Override
  public String toString() {
    return name + "/" + type + "×" + count;
  }
}
