package io.storyline.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** What extraction found in one article: the input to grouping and consolidation. */
@DefaultSchema(JavaFieldSchema.class)
public final class ArticleFacts {
  public final String articleId;
  public final String source;
  public final @Nullable Instant published;
  public final @Nullable String title;
  /** The first sentences of the body, for story summaries. */
  public final String lead;
  public final List<Entity> entities;
  public final List<ClaimMention> claims;
  /** Stemmed content words of title and lead, title words repeated to weigh more. */
  public final List<String> terms;
  /** Stemmed content words of the title alone, once each time they occur. */
  public final List<String> titleTerms;
  /** MinHash of the body's word shingles, empty for short bodies: finds near-copies. */
  public final List<Long> fingerprint;

  @SchemaCreate
  public ArticleFacts(
      String articleId,
      String source,
      @Nullable Instant published,
      @Nullable String title,
      String lead,
      List<Entity> entities,
      List<ClaimMention> claims,
      List<String> terms,
      List<String> titleTerms,
      List<Long> fingerprint) {
    this.articleId = articleId;
    this.source = source;
    this.published = published;
    this.title = title;
    this.lead = lead;
    this.entities = entities;
    this.claims = claims;
    this.terms = terms;
    this.titleTerms = titleTerms;
    this.fingerprint = fingerprint;
  }

  /**
   * The same facts with every term interned, so that all copies of a term share one string: a
   * coder decodes a new string per term, and a runner that keeps a shuffle's elements in memory
   * (the direct runner) would otherwise hold the corpus's vocabulary once per occurrence.
   */
  public ArticleFacts withInternedTerms() {
    return new ArticleFacts(articleId, source, published, title, lead, entities, claims,
        interned(terms), interned(titleTerms), fingerprint);
  }

  private static List<String> interned(List<String> terms) {
    List<String> out = new ArrayList<>(terms.size());
    for (String term : terms) {
      out.add(term.intern());
    }
    return out;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ArticleFacts)) {
      return false;
    }
    ArticleFacts f = (ArticleFacts) o;
    return articleId.equals(f.articleId)
        && source.equals(f.source)
        && Objects.equals(published, f.published)
        && Objects.equals(title, f.title)
        && lead.equals(f.lead)
        && entities.equals(f.entities)
        && claims.equals(f.claims)
        && terms.equals(f.terms)
        && titleTerms.equals(f.titleTerms)
        && fingerprint.equals(f.fingerprint);
  }

  @Override
  public int hashCode() {
    return articleId.hashCode();
  }

  @Override
  public String toString() {
    return "ArticleFacts{" + articleId + ", " + entities.size() + " entities, " + claims.size()
        + " claims}";
  }
}
