package io.storyline.consolidate;

import io.storyline.model.OpenStoryMember;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.schemas.NoSuchSchemaException;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/**
 * A member of a story as consolidation gathers it: an article of this run (its story id is the
 * story it joined) or of an earlier run (its story id is the story it was written under, which a
 * merge may have continued into another).
 */
@DefaultSchema(JavaFieldSchema.class)
public final class PlacedMember {
  public final boolean earlier;
  public final OpenStoryMember member;

  @SchemaCreate
  public PlacedMember(boolean earlier, OpenStoryMember member) {
    this.earlier = earlier;
    this.member = member;
  }

  /**
   * The schema's coder, decoding each member with its terms interned ({@link
   * io.storyline.model.ArticleFacts#withInternedTerms}): the story join holds every article's
   * terms, and the direct runner holds the whole join at once.
   */
  static Coder<PlacedMember> coder(Pipeline pipeline) {
    try {
      return new InterningCoder(pipeline.getSchemaRegistry().getSchemaCoder(PlacedMember.class));
    } catch (NoSuchSchemaException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class InterningCoder extends CustomCoder<PlacedMember> {
    private final Coder<PlacedMember> schemaCoder;

    InterningCoder(Coder<PlacedMember> schemaCoder) {
      this.schemaCoder = schemaCoder;
    }

    @Override
    public void encode(PlacedMember value, OutputStream out) throws IOException {
      schemaCoder.encode(value, out);
    }

    @Override
    public PlacedMember decode(InputStream in) throws IOException {
      PlacedMember p = schemaCoder.decode(in);
      return new PlacedMember(p.earlier, p.member.withFacts(p.member.facts.withInternedTerms()));
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      schemaCoder.verifyDeterministic();
    }
  }
}
