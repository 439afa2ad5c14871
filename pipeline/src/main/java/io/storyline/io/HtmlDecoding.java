package io.storyline.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns the bytes of an HTML page into characters. In order: a byte-order mark; the charset the
 * transport declared (an HTTP {@code Content-Type}); the charset the page declares in its first
 * bytes ({@code <meta charset>} or {@code http-equiv="Content-Type"}); strict UTF-8; and
 * windows-1252 as the last resort, which maps every byte. A declared charset is used only when it
 * decodes the bytes without an error, so a wrong declaration falls through to the next candidate
 * instead of failing the page.
 */
final class HtmlDecoding {
  /** How far into the page a {@code <meta>} charset declaration is looked for. */
  private static final int PRESCAN_BYTES = 4096;

  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta\\b[^>]*?\\bcharset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)",
          Pattern.CASE_INSENSITIVE);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private HtmlDecoding() {}

  /** A decoded page and the charset that decoded it. */
  static final class Decoded {
    final String text;
    final Charset charset;

    Decoded(String text, Charset charset) {
      this.text = text;
      this.charset = charset;
    }
  }

  /**
   * Decodes {@code bytes}; never throws.
   *
   * @param transportCharset the charset named by the HTTP response, when there is one
   */
  static Decoded decode(byte[] bytes, @Nullable String transportCharset) {
    Charset bom = byteOrderMark(bytes);
    if (bom != null) {
      int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
      return new Decoded(
          new String(bytes, skip, bytes.length - skip, bom), bom);
    }
    for (String declared : new String[] {transportCharset, declaredCharset(bytes)}) {
      Charset charset = usableCharset(declared);
      if (charset == null) {
        continue;
      }
      if (!charset.equals(StandardCharsets.UTF_8) && isUtf8WithMultiByteText(bytes)) {
        // Valid UTF-8 with non-ASCII characters is next to impossible in a single-byte charset:
        // the page was re-encoded and its old declaration kept.
        break;
      }
      String text = decodeStrictly(bytes, charset);
      if (text != null) {
        return new Decoded(text, charset);
      }
    }
    String utf8 = decodeStrictly(bytes, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return new Decoded(utf8, StandardCharsets.UTF_8);
    }
    return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252);
  }

  /** The charset a {@code <meta>} tag in the first bytes of the page names, or null. */
  static @Nullable String declaredCharset(byte[] bytes) {
    // Markup before the declaration is ASCII in every charset a page may declare this way.
    String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static @Nullable Charset usableCharset(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    // As browsers do: a page declared UTF-16 without a byte-order mark is ASCII-compatible, and
    // ISO-8859-1 and US-ASCII labels mean windows-1252.
    if (n.startsWith("utf-16") || n.startsWith("utf-32") || n.equals("unicode")) {
      return StandardCharsets.UTF_8;
    }
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
      return WINDOWS_1252;
    }
    try {
      return Charset.forName(n);
    } catch (IllegalArgumentException e) {
      // Unknown or malformed names (IllegalCharsetNameException, UnsupportedCharsetException).
      return null;
    }
  }

  private static @Nullable Charset byteOrderMark(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /** True when the page has a byte-order mark, so NUL bytes (UTF-16) are expected. */
  static boolean hasUtf16ByteOrderMark(byte[] bytes) {
    Charset bom = byteOrderMark(bytes);
    return bom == StandardCharsets.UTF_16BE || bom == StandardCharsets.UTF_16LE;
  }

  private static boolean isUtf8WithMultiByteText(byte[] bytes) {
    boolean nonAscii = false;
    for (byte b : bytes) {
      if (b < 0) {
        nonAscii = true;
        break;
      }
    }
    return nonAscii && decodeStrictly(bytes, StandardCharsets.UTF_8) != null;
  }

  private static @Nullable String decodeStrictly(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
