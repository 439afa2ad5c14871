package io.storyline.consolidate;

import io.storyline.model.Article;
import io.storyline.model.OpenStoryMember;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The outlet of one article of a story, as its coverage is counted from: the rated outlet it
 * was matched to, with that outlet's ratings, or none, and then its source stands for it.
 */
public record ArticleOutlet(
    String articleId,
    String source,
    @Nullable String outlet,
    @Nullable String bias,
    @Nullable String factuality,
    @Nullable String owner) {

  public static ArticleOutlet of(Article a) {
    return new ArticleOutlet(a.articleId, a.sourceOrId(), a.outlet, a.bias, a.factuality, a.owner);
  }

  /** The outlet an earlier run's article carried, as the state table keeps it. */
  public static ArticleOutlet of(OpenStoryMember m) {
    return new ArticleOutlet(m.articleId(), m.facts.source, m.outlet, m.bias, m.factuality, m.owner);
  }

  /** Who the outlet is: the rated outlet, else the source (an article without one is its own). */
  public String identity() {
    return outlet != null ? "rated:" + outlet : "source:" + source;
  }

  public static Coder<ArticleOutlet> coder() {
    return OutletCoder.INSTANCE;
  }

  private static final class OutletCoder extends CustomCoder<ArticleOutlet> {
    static final OutletCoder INSTANCE = new OutletCoder();
    private static final Coder<String> PART = NullableCoder.of(StringUtf8Coder.of());

    @Override
    public void encode(ArticleOutlet o, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(o.articleId, out);
      StringUtf8Coder.of().encode(o.source, out);
      PART.encode(o.outlet, out);
      PART.encode(o.bias, out);
      PART.encode(o.factuality, out);
      PART.encode(o.owner, out);
    }

    @Override
    public ArticleOutlet decode(InputStream in) throws IOException {
      return new ArticleOutlet(StringUtf8Coder.of().decode(in), StringUtf8Coder.of().decode(in),
          PART.decode(in), PART.decode(in), PART.decode(in), PART.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
