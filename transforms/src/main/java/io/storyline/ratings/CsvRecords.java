package io.storyline.ratings;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated records as RFC 4180 has them: a field in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}); lines end in LF or CRLF. Each record keeps the
 * line it starts on, for messages. Blank lines are not records; a leading byte-order mark is
 * dropped.
 */
public final class CsvRecords {
  /** One record: its fields and the 1-based line it starts on. */
  public record Row(int line, List<String> fields) {
    public Row {
      fields = List.copyOf(fields);
    }
  }

  private CsvRecords() {}

  /** Every record of {@code in}; {@code file} names it in errors. */
  public static List<Row> read(String file, Reader in) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    // Whether the current field was quoted: text after its closing quote is an error.
    boolean afterQuote = false;
    boolean recordStarted = false;
    int quoteLine = 0;
    PushbackReader chars = new PushbackReader(in, 1);
    int c = chars.read();
    if (c == '\uFEFF') {
      c = chars.read();
    }
    for (; c != -1; c = chars.read()) {
      if (quoted) {
        if (c == '"') {
          int next = chars.read();
          if (next == '"') {
            field.append('"');
            continue;
          }
          quoted = false;
          afterQuote = true;
          if (next == -1) {
            break;
          }
          chars.unread(next);
          continue;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
          continue;
        }
      }
      switch (c) {
        case ',':
          fields.add(field.toString());
          field.setLength(0);
          afterQuote = false;
          recordStarted = true;
          break;
        case '\r':
          break;
        case '\n':
          if (recordStarted || field.length() > 0 || afterQuote) {
            fields.add(field.toString());
            rows.add(new Row(recordLine, fields));
          }
          fields = new ArrayList<>();
          field.setLength(0);
          afterQuote = false;
          recordStarted = false;
          line++;
          recordLine = line;
          break;
        case '"':
          if (field.length() > 0 || afterQuote) {
            throw new RatingsFormatException(file, line,
                "a quote inside an unquoted field (quote the whole field and double the quote)");
          }
          quoted = true;
          quoteLine = line;
          recordStarted = true;
          break;
        default:
          if (afterQuote) {
            throw new RatingsFormatException(file, line,
                "text after the closing quote of a field");
          }
          field.append((char) c);
          recordStarted = true;
      }
    }
    if (quoted) {
      throw new RatingsFormatException(file, quoteLine, "a quoted field that never ends");
    }
    if (recordStarted || field.length() > 0 || afterQuote) {
      fields.add(field.toString());
      rows.add(new Row(recordLine, fields));
    }
    return rows;
  }

  /** One field as a record of a CSV file: quoted when it holds a comma, quote or line break. */
  public static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
