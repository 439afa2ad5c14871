package io.storyline.io;

import io.storyline.clean.html.ExtractedPage;
import io.storyline.clean.html.HtmlArticleExtractor;
import io.storyline.model.InputRecord;
import io.storyline.model.RejectReason;
import io.storyline.model.Rejected;
import java.io.IOException;
import java.io.InputStream;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads a one-page HTML file: the page is one article, its id the file's base name, its text what
 * {@link HtmlArticleExtractor} finds, its title, outlet, canonical URL, publication time and
 * language from the page's metadata. The bytes are decoded by {@link HtmlDecoding}.
 */
final class HtmlPageParser {
  private final int maxBytes;

  HtmlPageParser(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  void parse(String inputFile, InputStream in, RecordSink sink) throws IOException {
    String articleId = InputFormat.baseName(inputFile);
    byte[] bytes = TextDecoding.readPage(inputFile, articleId, in, maxBytes, sink);
    if (bytes == null) {
      return;
    }
    PageOutcome outcome = PageOutcome.of(bytes, null, null);
    if (outcome.page == null) {
      sink.reject(outcome.rejection(inputFile, 0, articleId));
      return;
    }
    ExtractedPage page = outcome.page;
    sink.accept(
        new InputRecord(inputFile, 0, articleId, InputFormat.HTML.code(),
            page.canonicalUrl(), page.siteName(), page.published(), page.title(), page.text(),
            page.language()));
  }

  /** What one HTML payload gives: an extracted page, or why there is none. */
  static final class PageOutcome {
    final @Nullable ExtractedPage page;
    final @Nullable RejectReason reason;
    final String detail;
    final @Nullable String excerpt;

    private PageOutcome(
        @Nullable ExtractedPage page,
        @Nullable RejectReason reason,
        String detail,
        @Nullable String excerpt) {
      this.page = page;
      this.reason = reason;
      this.detail = detail;
      this.excerpt = excerpt;
    }

    /**
     * Decodes and extracts one page.
     *
     * @param transportCharset the charset an HTTP response declared, if any
     * @param pageUrl the URL the page was fetched from, if known
     */
    static PageOutcome of(byte[] bytes, @Nullable String transportCharset, @Nullable String pageUrl) {
      if (bytes.length == 0 || isBlank(bytes)) {
        return rejected(RejectReason.EMPTY_INPUT, "empty page", null);
      }
      if (!HtmlDecoding.hasUtf16ByteOrderMark(bytes)
          && TextDecoding.problemWith(bytes, bytes.length) != null) {
        return rejected(RejectReason.BINARY_CONTENT, "content is not text", null);
      }
      HtmlDecoding.Decoded decoded = HtmlDecoding.decode(bytes, transportCharset);
      if (!HtmlArticleExtractor.looksLikeHtml(decoded.text)) {
        return rejected(RejectReason.BINARY_CONTENT, "content is not an HTML page", decoded.text);
      }
      ExtractedPage page = HtmlArticleExtractor.extract(decoded.text, pageUrl);
      if (page.text().isBlank()) {
        return rejected(
            RejectReason.NO_ARTICLE_TEXT,
            "no article text found in the page (decoded as " + decoded.charset.name()
                + (page.title() == null ? "" : "; title: " + page.title()) + ")",
            decoded.text);
      }
      return new PageOutcome(page, null, "", null);
    }

    Rejected rejection(String inputFile, long record, @Nullable String articleId) {
      if (reason == null) {
        throw new IllegalStateException("the page was extracted");
      }
      return Rejected.of(inputFile, record, articleId, reason, detail, excerpt);
    }

    private static PageOutcome rejected(
        RejectReason reason, String detail, @Nullable String content) {
      return new PageOutcome(null, reason, detail, content);
    }

    private static boolean isBlank(byte[] bytes) {
      for (byte b : bytes) {
        if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
          return false;
        }
      }
      return true;
    }
  }
}
