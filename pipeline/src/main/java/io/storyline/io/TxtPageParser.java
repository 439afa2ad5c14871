package io.storyline.io;

import io.storyline.model.InputRecord;
import io.storyline.model.RejectReason;
import io.storyline.model.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;

/** Reads a one-page text file: the whole file is one article, its id the file's base name. */
final class TxtPageParser {
  private final int maxBytes;

  TxtPageParser(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  void parse(String inputFile, InputStream in, RecordSink sink) throws IOException {
    String articleId = InputFormat.baseName(inputFile);
    byte[] bytes = TextDecoding.readPage(inputFile, articleId, in, maxBytes, sink);
    if (bytes == null) {
      return;
    }
    RejectReason problem = TextDecoding.problemWith(bytes, bytes.length);
    if (problem != null) {
      sink.reject(Rejected.of(inputFile, 0, articleId, problem, "content is not text", null));
      return;
    }
    String text;
    try {
      text = TextDecoding.decodeUtf8(bytes, 0, bytes.length);
    } catch (CharacterCodingException e) {
      sink.reject(
          Rejected.of(inputFile, 0, articleId, RejectReason.INVALID_ENCODING,
              "not valid UTF-8: " + e.getMessage(),
              TextDecoding.decodeLenient(bytes, 0, bytes.length)));
      return;
    }
    if (text.isBlank()) {
      sink.reject(Rejected.of(inputFile, 0, articleId, RejectReason.EMPTY_INPUT, "empty page", null));
      return;
    }
    sink.accept(
        new InputRecord(inputFile, 0, articleId, InputFormat.TXT.code(),
            null, null, null, null, text, null));
  }
}
