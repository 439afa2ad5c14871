package io.storyline.io;

import io.storyline.clean.html.ExtractedPage;
import io.storyline.clean.html.HtmlArticleExtractor;
import io.storyline.cluster.StoryIds;
import io.storyline.model.InputRecord;
import io.storyline.model.RejectReason;
import io.storyline.model.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads a WARC archive: every {@code response} record that holds a successful HTTP response with
 * an HTML payload ({@code text/html} or {@code application/xhtml+xml}) is one page, read as {@link
 * HtmlPageParser} reads a file. Other records (warcinfo, request, metadata, revisit, resource,
 * non-HTML and non-2xx responses) are not articles: they are skipped and counted, not rejected.
 *
 * <p>The page's canonical URL, publication time and outlet come first; the record's {@code
 * WARC-Target-URI}, {@code WARC-Date} and the URI's host fill what the page lacks. The article id is
 * {@code warc:} and 64 bits of the SHA-256 of the {@code WARC-Record-ID}. The position of a record
 * ({@link InputRecord#record}, {@link Rejected#record}) is its byte offset in the archive as read:
 * after the {@code .gz} of the file name is undone.
 *
 * <p>HTTP chunked transfer encoding and gzip, deflate (and, with their optional libraries, brotli
 * and zstd) content encodings are undone by jwarc. A record that cannot be read is rejected as
 * {@code unreadable} with its offset.
 */
final class WarcArchiveParser {
  /** The counter of records that are not HTML pages. */
  static final String SKIPPED = "warc_records_skipped";

  private final int maxBytes;

  WarcArchiveParser(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  void parse(String inputFile, InputStream in, RecordSink sink) throws IOException {
    WarcReader reader;
    try {
      reader = new WarcReader(in);
    } catch (IOException e) {
      sink.reject(
          Rejected.of(inputFile, 0, null, RejectReason.UNREADABLE,
              "not a WARC archive: " + describe(e), null));
      return;
    }
    // The outcome of a record is sent only once the reader has moved past the record's end: a
    // record whose body or trailer is cut short is only found broken by the next call to next().
    Outcome pending = null;
    boolean anyRecord = false;
    while (true) {
      Optional<WarcRecord> next;
      try {
        next = reader.next();
      } catch (IOException | RuntimeException e) {
        // jwarc cannot resynchronise after a parse error (it has no way to search for the next
        // record header), so whatever follows the broken record is one rejected row.
        if (pending != null && reader.position() == pending.offset) {
          // Moving past the last record failed: that record is cut short or mis-sized.
          sink.reject(
              Rejected.of(inputFile, pending.offset, pending.articleId, RejectReason.UNREADABLE,
                  "record is truncated or its Content-Length is wrong (" + describe(e)
                      + "); nothing after it can be read",
                  null));
        } else {
          if (pending != null) {
            pending.sendTo(sink);
          }
          sink.reject(
              Rejected.of(inputFile, reader.position(), null, RejectReason.UNREADABLE,
                  "no valid WARC record here (" + describe(e)
                      + "); the rest of the archive cannot be read",
                  null));
        }
        return;
      }
      if (pending != null) {
        pending.sendTo(sink);
        pending = null;
      }
      if (next.isEmpty()) {
        break;
      }
      anyRecord = true;
      long offset = reader.position();
      pending = read(inputFile, offset, next.get());
    }
    if (!anyRecord) {
      sink.reject(
          Rejected.of(inputFile, 0, null, RejectReason.EMPTY_INPUT, "no records in archive", null));
    }
  }

  private Outcome read(String inputFile, long offset, WarcRecord record) {
    if (!(record instanceof WarcResponse)) {
      return Outcome.skipped(offset);
    }
    WarcResponse response = (WarcResponse) record;
    String articleId = null;
    try {
      String target = response.target();
      articleId = articleId(response, target, offset);
      if (!isHttp(response.contentType())) {
        return Outcome.skipped(offset);
      }
      HttpResponse http = response.http();
      MediaType type = http.contentType();
      if (!isHtml(type) || http.status() < 200 || http.status() > 299) {
        return Outcome.skipped(offset);
      }
      // Not closed here: closing would close the record's body, which the reader still consumes.
      byte[] bytes = http.bodyDecoded().stream().readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        return Outcome.of(offset, articleId,
            Rejected.of(inputFile, offset, articleId, RejectReason.TOO_LARGE,
                "page is larger than " + maxBytes + " bytes",
                TextDecoding.decodeLenient(bytes, 0, bytes.length)));
      }
      HtmlPageParser.PageOutcome outcome =
          HtmlPageParser.PageOutcome.of(bytes, type.parameters().get("charset"), target);
      if (outcome.page == null) {
        return Outcome.of(offset, articleId, outcome.rejection(inputFile, offset, articleId));
      }
      ExtractedPage page = outcome.page;
      return Outcome.of(offset, articleId,
          new InputRecord(
              inputFile,
              offset,
              articleId,
              InputFormat.WARC.code(),
              page.canonicalUrl() != null ? page.canonicalUrl() : target,
              page.siteName() != null ? page.siteName() : HtmlArticleExtractor.hostOf(target),
              page.published() != null ? page.published() : warcDate(response),
              page.title(),
              page.text(),
              page.language()));
    } catch (IOException | RuntimeException | LinkageError e) {
      // A broken HTTP header, a truncated or undecodable body, or a content encoding whose
      // optional library is missing (brotli, zstd).
      return Outcome.of(offset, articleId,
          Rejected.of(inputFile, offset, articleId, RejectReason.UNREADABLE,
              "record cannot be read: " + describe(e), null));
    }
  }

  /** {@code warc:} and 64 bits of the SHA-256 of the record id (of the URI and offset without). */
  static String articleId(WarcRecord record, @Nullable String target, long offset) {
    Optional<String> recordId = record.headers().first("WARC-Record-ID");
    return StoryIds.hashed(
        "warc:", recordId.isPresent() ? recordId.get().strip() : target + "@" + offset);
  }

  private static boolean isHttp(MediaType type) {
    return type.type().equalsIgnoreCase("application") && type.subtype().equalsIgnoreCase("http");
  }

  private static boolean isHtml(MediaType type) {
    String t = type.type().toLowerCase(Locale.ROOT) + "/" + type.subtype().toLowerCase(Locale.ROOT);
    return t.equals("text/html") || t.equals("application/xhtml+xml");
  }

  private static @Nullable Instant warcDate(WarcRecord record) {
    try {
      return new Instant(record.date().toEpochMilli());
    } catch (RuntimeException e) {
      return null;
    }
  }



  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** What one record gave: an article, a rejected row, or nothing (a skipped record). */
  private static final class Outcome {
    final long offset;
    final @Nullable String articleId;
    final @Nullable InputRecord record;
    final @Nullable Rejected rejected;

    private Outcome(
        long offset, @Nullable String articleId, @Nullable InputRecord record,
        @Nullable Rejected rejected) {
      this.offset = offset;
      this.articleId = articleId;
      this.record = record;
      this.rejected = rejected;
    }

    static Outcome skipped(long offset) {
      return new Outcome(offset, null, null, null);
    }

    static Outcome of(long offset, @Nullable String articleId, InputRecord record) {
      return new Outcome(offset, articleId, record, null);
    }

    static Outcome of(long offset, @Nullable String articleId, Rejected rejected) {
      return new Outcome(offset, articleId, null, rejected);
    }

    void sendTo(RecordSink sink) {
      if (record != null) {
        sink.accept(record);
      } else if (rejected != null) {
        sink.reject(rejected);
      } else {
        sink.skip(SKIPPED);
      }
    }
  }
}
