package io.storyline.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyline.model.InputRecord;
import io.storyline.model.PublishedTime;
import io.storyline.model.RejectReason;
import io.storyline.model.Rejected;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads JSON Lines: one article object per line with {@code id, url, source, published, title,
 * text, language}; all but {@code text} optional, unknown fields ignored. A record with an empty
 * {@code text} but a title is kept as a headline-only article. Blank lines are not records.
 *
 * <p>Bounded work: a line longer than the size limit is rejected as {@code too_large} without
 * being held (only its head is kept, for the excerpt), and its end is looked for through at most
 * {@link #MAX_SKIPPED_LINE_FACTOR} times the limit past the limit. A line that has not ended by then
 * (a gzip bomb of one line, a file with no line breaks) ends the reading: the rest of the file is
 * that one rejected row, as after broken compression, so the cost of a line is bounded by the limit
 * whatever its length.
 */
final class JsonLinesParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How far past the size limit, in multiples of the limit, the end of a too-long line is looked
   * for before the rest of the file is given up: a too-long line then costs reading at most twice
   * the limit (decompressing, for a gzip bomb), about what a page at the limit costs to read.
   */
  static final int MAX_SKIPPED_LINE_FACTOR = 1;

  private final int maxLineBytes;

  JsonLinesParser(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  void parse(String inputFile, InputStream in, RecordSink sink) throws IOException {
    Lines lines = new Lines(inputFile, sink);
    byte[] chunk = new byte[1 << 16];
    int read;
    while ((read = in.read(chunk)) != -1) {
      int lineStart = 0;
      for (int i = 0; i < read; i++) {
        if (chunk[i] == '\n') {
          lines.append(chunk, lineStart, i);
          lines.end();
          lineStart = i + 1;
        }
      }
      lines.append(chunk, lineStart, read);
      if (lines.pastSkipLimit()) {
        lines.endUnfinished();
        break;
      }
    }
    if (lines.pending()) {
      lines.end();
    }
    if (!lines.anyRecord) {
      sink.reject(Rejected.of(inputFile, 0, null, RejectReason.EMPTY_INPUT, "no records in file", null));
    }
  }

  /** The line being read: at most {@code maxLineBytes} of it are kept, the head of a longer one. */
  private final class Lines {
    private final String inputFile;
    private final RecordSink sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
    /** Bytes of the current line seen so far, kept or not. */
    private long lineBytes;
    private long lineNumber;
    private boolean tooLong;
    boolean anyRecord;

    Lines(String inputFile, RecordSink sink) {
      this.inputFile = inputFile;
      this.sink = sink;
    }

    void append(byte[] bytes, int from, int to) {
      int room = maxLineBytes - line.size();
      int length = to - from;
      lineBytes += length;
      if (length > room) {
        // Keep the head for the excerpt; the rest of the line is not buffered.
        tooLong = true;
        length = Math.max(0, room);
      }
      line.write(bytes, from, length);
    }

    /** Whether the file ends in a line with no newline after it. */
    boolean pending() {
      return line.size() > 0 || tooLong;
    }

    /** Whether the current line has run on past the limit and as far again as it may be skipped. */
    boolean pastSkipLimit() {
      return lineBytes > (long) maxLineBytes * (MAX_SKIPPED_LINE_FACTOR + 1);
    }

    void end() {
      lineNumber++;
      if (tooLong) {
        rejectTooLong("line is longer than " + maxLineBytes + " bytes");
      } else if (parseLine(inputFile, lineNumber, line.toByteArray(), sink)) {
        anyRecord = true;
      }
      line.reset();
      lineBytes = 0;
      tooLong = false;
    }

    /** Ends a line that is still going at the skip limit: it and the rest of the file are one row. */
    void endUnfinished() {
      lineNumber++;
      rejectTooLong("line is longer than " + maxLineBytes + " bytes and has no end within "
          + lineBytes + " bytes; the rest of the file was not read");
      line.reset();
      lineBytes = 0;
      tooLong = false;
    }

    private void rejectTooLong(String detail) {
      sink.reject(
          Rejected.of(inputFile, lineNumber, null, RejectReason.TOO_LARGE, detail,
              TextDecoding.decodeLenient(line.toByteArray(), 0, line.size())));
      anyRecord = true;
    }
  }

  /** Parses one line; returns false for a blank line, which is not a record. */
  private boolean parseLine(String inputFile, long lineNumber, byte[] bytes, RecordSink sink) {
    RejectReason problem = TextDecoding.problemWith(bytes, bytes.length);
    if (problem != null) {
      sink.reject(Rejected.of(inputFile, lineNumber, null, problem, "line is not text", null));
      return true;
    }
    String text;
    try {
      text = TextDecoding.decodeUtf8(bytes, 0, bytes.length);
    } catch (CharacterCodingException e) {
      sink.reject(
          Rejected.of(inputFile, lineNumber, null, RejectReason.INVALID_ENCODING,
              "not valid UTF-8: " + e.getMessage(), TextDecoding.decodeLenient(bytes, 0, bytes.length)));
      return true;
    }
    if (text.isBlank()) {
      return false;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      sink.reject(
          Rejected.of(inputFile, lineNumber, null, RejectReason.MALFORMED_JSON,
              firstLine(e.getOriginalMessage()), text));
      return true;
    }
    if (node == null || !node.isObject()) {
      sink.reject(
          Rejected.of(inputFile, lineNumber, null, RejectReason.MALFORMED_JSON,
              "a line must hold a JSON object", text));
      return true;
    }
    String id = stringField(node, "id");
    String articleId = id != null ? id : InputFormat.baseName(inputFile) + ":" + lineNumber;
    String body = stringField(node, "text");
    String title = stringField(node, "title");
    if ((body == null || body.isBlank()) && (title == null || title.isBlank())) {
      sink.reject(
          Rejected.of(inputFile, lineNumber, articleId, RejectReason.MISSING_TEXT,
              "record has neither text nor title", text));
      return true;
    }
    sink.accept(
        new InputRecord(
            inputFile,
            lineNumber,
            articleId,
            InputFormat.JSONL.code(),
            stringField(node, "url"),
            stringField(node, "source"),
            PublishedTime.parse(stringField(node, "published")),
            title,
            body == null ? "" : body,
            stringField(node, "language")));
    return true;
  }

  private static @Nullable String stringField(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "invalid JSON";
    }
    int newline = message.indexOf('\n');
    return "invalid JSON: " + (newline < 0 ? message : message.substring(0, newline));
  }
}
