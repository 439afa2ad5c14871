package io.storyline.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyline.model.InputRecord;
import io.storyline.model.PublishedTime;
import io.storyline.model.RejectReason;
import io.storyline.model.Rejected;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads JSON Lines: one article object per line with {@code id, url, source, published, title,
 * text, language}; all but {@code text} optional, unknown fields ignored. A record with an empty
 * {@code text} but a title is kept as a headline-only article. Blank lines are not records.
 */
final class JsonLinesParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int maxLineBytes;

  JsonLinesParser(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  void parse(String inputFile, InputStream raw, RecordSink sink) throws IOException {
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    long lineNumber = 0;
    boolean tooLong = false;
    boolean anyRecord = false;
    int b;
    while (true) {
      b = in.read();
      if (b == '\n' || b == -1) {
        if (b == -1 && line.size() == 0 && !tooLong) {
          break;
        }
        lineNumber++;
        if (tooLong) {
          sink.reject(
              Rejected.of(inputFile, lineNumber, null, RejectReason.TOO_LARGE,
                  "line is longer than " + maxLineBytes + " bytes",
                  TextDecoding.decodeLenient(line.toByteArray(), 0, line.size())));
          anyRecord = true;
        } else if (parseLine(inputFile, lineNumber, line.toByteArray(), sink)) {
          anyRecord = true;
        }
        line.reset();
        tooLong = false;
        if (b == -1) {
          break;
        }
      } else if (line.size() < maxLineBytes) {
        line.write(b);
      } else {
        // Keep the head for the excerpt and skip the rest of the line without buffering it.
        tooLong = true;
      }
    }
    if (!anyRecord) {
      sink.reject(Rejected.of(inputFile, 0, null, RejectReason.EMPTY_INPUT, "no records in file", null));
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
