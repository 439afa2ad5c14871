package io.storyline.io;

import io.storyline.model.RejectReason;
import io.storyline.model.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Strict UTF-8 decoding with a verdict on bytes that are not text. */
final class TextDecoding {
  /** Share of control characters above which content counts as binary. */
  private static final double MAX_CONTROL_SHARE = 0.05;

  private TextDecoding() {}

  /** Why these bytes are not usable text, or null when they are. */
  static @Nullable RejectReason problemWith(byte[] bytes, int length) {
    int controls = 0;
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return RejectReason.BINARY_CONTENT;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        controls++;
      }
    }
    if (length > 0 && controls > MAX_CONTROL_SHARE * length) {
      return RejectReason.BINARY_CONTENT;
    }
    return null;
  }

  /** Decodes strictly; throws on malformed or unmappable input. */
  static String decodeUtf8(byte[] bytes, int offset, int length) throws CharacterCodingException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, offset, length))
            .toString();
    // A byte-order mark is not content.
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** A lossy decoding for excerpts of rejected content. */
  static String decodeLenient(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, Math.min(length, 400), StandardCharsets.UTF_8);
  }

  /**
   * Reads a one-page file whole, or rejects it as too large and returns null. One byte past the
   * limit is read so that a page exactly at the limit still passes.
   */
  static byte @Nullable [] readPage(
      String inputFile, String articleId, InputStream in, int maxBytes, RecordSink sink)
      throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      sink.reject(
          Rejected.of(inputFile, 0, articleId, RejectReason.TOO_LARGE,
              "page is larger than " + maxBytes + " bytes", decodeLenient(bytes, 0, bytes.length)));
      return null;
    }
    return bytes;
  }
}
