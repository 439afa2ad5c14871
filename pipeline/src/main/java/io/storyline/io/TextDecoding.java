package io.storyline.io;

import io.storyline.model.RejectReason;
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
}
