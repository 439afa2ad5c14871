package io.storyline.cluster;

import io.storyline.model.ArticleFacts;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.schemas.JavaFieldSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * What an article's signature is built from, and nothing more: its terms, its title's terms, the
 * values its claims state, its time and its fingerprint. Document frequencies, the article count
 * and the signatures each read every article; they read this rather than the whole {@link
 * ArticleFacts} (claims with their sentences, entities, the lead), which a runner otherwise
 * encodes and decodes once for each of them.
 */
@DefaultSchema(JavaFieldSchema.class)
public final class ArticleTerms {
  public final String articleId;
  public final @Nullable Instant published;
  public final List<String> terms;
  public final List<String> titleTerms;
  public final List<String> values;
  public final List<Long> fingerprint;

  @SchemaCreate
  public ArticleTerms(
      String articleId,
      @Nullable Instant published,
      List<String> terms,
      List<String> titleTerms,
      List<String> values,
      List<Long> fingerprint) {
    this.articleId = articleId;
    this.published = published;
    this.terms = List.copyOf(terms);
    this.titleTerms = List.copyOf(titleTerms);
    this.values = List.copyOf(values);
    this.fingerprint = List.copyOf(fingerprint);
  }

  // Equal by value: Beam's coders compare elements by equals.
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ArticleTerms)) {
      return false;
    }
    ArticleTerms t = (ArticleTerms) o;
    return articleId.equals(t.articleId)
        && Objects.equals(published, t.published)
        && terms.equals(t.terms)
        && titleTerms.equals(t.titleTerms)
        && values.equals(t.values)
        && fingerprint.equals(t.fingerprint);
  }

  @Override
  public int hashCode() {
    return articleId.hashCode();
  }

  public static ArticleTerms of(ArticleFacts facts) {
    return new ArticleTerms(facts.articleId, facts.published, facts.terms, facts.titleTerms,
        EventSignatures.values(facts), facts.fingerprint);
  }
}
