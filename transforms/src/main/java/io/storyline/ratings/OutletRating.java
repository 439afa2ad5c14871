package io.storyline.ratings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row of a ratings file: an outlet, known by its web domain (e.g. {@code nytimes.com}) or,
 * where the file gives none, by its name, with what the file says of it. Every part but the
 * domain or name may be unknown.
 */
public record OutletRating(
    @Nullable String domain,
    @Nullable String name,
    @Nullable Bias bias,
    @Nullable Factuality factuality,
    @Nullable String owner,
    @Nullable String country) {

  public OutletRating {
    if (domain == null && name == null) {
      throw new IllegalArgumentException("an outlet needs a domain or a name");
    }
  }

  /** What the outlet is known by in the tables: its domain, else its name. */
  public String outlet() {
    return domain != null ? domain : name;
  }

  /** Encodes each part as a nullable UTF-8 string: deterministic, and no Java serialization. */
  public static Coder<OutletRating> coder() {
    return RatingCoder.INSTANCE;
  }

  private static final class RatingCoder extends CustomCoder<OutletRating> {
    static final RatingCoder INSTANCE = new RatingCoder();
    private static final Coder<String> PART = NullableCoder.of(StringUtf8Coder.of());

    @Override
    public void encode(OutletRating r, OutputStream out) throws IOException {
      PART.encode(r.domain, out);
      PART.encode(r.name, out);
      PART.encode(r.bias == null ? null : r.bias.label(), out);
      PART.encode(r.factuality == null ? null : r.factuality.label(), out);
      PART.encode(r.owner, out);
      PART.encode(r.country, out);
    }

    @Override
    public OutletRating decode(InputStream in) throws IOException {
      String domain = PART.decode(in);
      String name = PART.decode(in);
      String bias = PART.decode(in);
      String factuality = PART.decode(in);
      return new OutletRating(domain, name,
          bias == null ? null : Bias.fromLabel(bias),
          factuality == null ? null : Factuality.fromLabel(factuality),
          PART.decode(in), PART.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
