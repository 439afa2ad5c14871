package io.storyline.cluster;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * An article's event signature: unit-length TF-IDF vectors of its words (title and lead), of its
 * title alone, of its named entities and of the values its claims state (dates, sums, counts,
 * places); its time; and the MinHash fingerprint of its body for telling near-copies. A member
 * of a story an earlier run formed carries that story's id: it is never split from it.
 *
 * <p>Packed in primitive arrays with a coder of its own ({@link #coder}): grouping shuffles each
 * signature once per blocking key, and a runner that keeps its shuffles in memory (the direct
 * runner) holds all those copies at once.
 */
public final class EventSignature {
  public final String articleId;
  public final @Nullable Instant published;
  public final SparseVector words;
  public final SparseVector title;
  public final SparseVector entities;
  public final SparseVector values;
  final long[] fingerprint;
  /** The story an earlier run put this article in; null for an article of this run. */
  public final @Nullable String earlierStory;

  public EventSignature(
      String articleId,
      @Nullable Instant published,
      SparseVector words,
      SparseVector title,
      SparseVector entities,
      SparseVector values,
      List<Long> fingerprint) {
    this(articleId, published, words, title, entities, values,
        fingerprint.stream().mapToLong(Long::longValue).toArray(), null);
  }

  private EventSignature(
      String articleId,
      @Nullable Instant published,
      SparseVector words,
      SparseVector title,
      SparseVector entities,
      SparseVector values,
      long[] fingerprint,
      @Nullable String earlierStory) {
    this.articleId = articleId;
    this.published = published;
    this.words = words;
    this.title = title;
    this.entities = entities;
    this.values = values;
    this.fingerprint = fingerprint;
    this.earlierStory = earlierStory;
  }

  /** The same signature, of a member of a story an earlier run formed. */
  EventSignature inEarlierStory(String storyId) {
    return new EventSignature(articleId, published, words, title, entities, values, fingerprint,
        storyId);
  }

  /**
   * The same signature without its fingerprint: what finding links needs, filed under each of
   * the article's blocking keys (only clustering a piece tells copies apart).
   */
  EventSignature withoutFingerprint() {
    return new EventSignature(articleId, published, words, title, entities, values, new long[0],
        earlierStory);
  }

  /** The same signature at another time. */
  EventSignature at(@Nullable Instant time) {
    return new EventSignature(articleId, time, words, title, entities, values, fingerprint,
        earlierStory);
  }

  /** The day of publication (days since 1970-01-01, UTC), or null when undated. */
  @Nullable Long day() {
    return published == null ? null : Math.floorDiv(published.getMillis(), 86_400_000L);
  }

  public static Coder<EventSignature> coder() {
    return SignatureCoder.INSTANCE;
  }

  /** Writes a signature's arrays as they are: ids as UTF-8, the rest as fixed-width numbers. */
  private static final class SignatureCoder extends CustomCoder<EventSignature> {
    static final SignatureCoder INSTANCE = new SignatureCoder();
    private static final Coder<String> NULLABLE_STRING = NullableCoder.of(StringUtf8Coder.of());

    @Override
    public void encode(EventSignature s, OutputStream outStream) throws IOException {
      StringUtf8Coder.of().encode(s.articleId, outStream);
      NULLABLE_STRING.encode(s.earlierStory, outStream);
      DataOutputStream out = new DataOutputStream(outStream);
      out.writeBoolean(s.published != null);
      if (s.published != null) {
        out.writeLong(s.published.getMillis());
      }
      s.words.encode(out);
      s.title.encode(out);
      s.entities.encode(out);
      s.values.encode(out);
      out.writeInt(s.fingerprint.length);
      for (long h : s.fingerprint) {
        out.writeLong(h);
      }
      out.flush();
    }

    @Override
    public EventSignature decode(InputStream inStream) throws IOException {
      String articleId = StringUtf8Coder.of().decode(inStream);
      String earlierStory = NULLABLE_STRING.decode(inStream);
      DataInputStream in = new DataInputStream(inStream);
      Instant published = in.readBoolean() ? new Instant(in.readLong()) : null;
      SparseVector words = SparseVector.decode(in);
      SparseVector title = SparseVector.decode(in);
      SparseVector entities = SparseVector.decode(in);
      SparseVector values = SparseVector.decode(in);
      long[] fingerprint = new long[in.readInt()];
      for (int i = 0; i < fingerprint.length; i++) {
        fingerprint[i] = in.readLong();
      }
      return new EventSignature(articleId, published, words, title, entities, values, fingerprint,
          earlierStory);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
