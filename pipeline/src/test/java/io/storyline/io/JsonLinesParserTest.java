package io.storyline.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.storyline.model.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

/** How the JSON Lines reader bounds its work on lines longer than the size limit. */
public class JsonLinesParserTest {
  private static final int LIMIT = 1000;

  private static final String GOOD =
      "{\"id\": \"a1\", \"title\": \"Harbour budget agreed\", \"text\": \"The council met.\"}\n";

  /** A stream of {@code head}, then {@code fill} repeated {@code count} times, then {@code tail}. */
  private static final class Generated extends InputStream {
    private final byte[] head;
    private final byte[] tail;
    private final byte fill;
    private final long count;
    private long position;
    long served;

    Generated(String head, char fill, long count, String tail) {
      this.head = head.getBytes(StandardCharsets.UTF_8);
      this.tail = tail.getBytes(StandardCharsets.UTF_8);
      this.fill = (byte) fill;
      this.count = count;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long total = head.length + count + tail.length;
      if (position >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - position);
      for (int i = 0; i < n; i++, position++) {
        if (position < head.length) {
          b[off + i] = head[(int) position];
        } else if (position < head.length + count) {
          b[off + i] = fill;
        } else {
          b[off + i] = tail[(int) (position - head.length - count)];
        }
      }
      served += n;
      return n;
    }
  }

  private static CollectingSink parse(InputStream in) throws IOException {
    CollectingSink sink = new CollectingSink();
    new JsonLinesParser(LIMIT).parse("/in/news.jsonl", in, sink);
    return sink;
  }

  @Test
  public void aLineOverTheLimitIsRejectedAndTheLinesAfterItAreRead() throws IOException {
    // Over the limit, but its end is within the skip limit: the next line is a record.
    long fill = (long) LIMIT * (JsonLinesParser.MAX_SKIPPED_LINE_FACTOR + 1) - 100;
    Generated in = new Generated(GOOD + "{\"text\": \"", 'a', fill, "\"}\n" + GOOD);
    CollectingSink sink = parse(in);
    assertEquals(2, sink.records.size());
    assertEquals(List.of(1L, 3L), sink.records.stream().map(r -> r.record).toList());
    Rejected row = sink.rejected.get(0);
    assertEquals(1, sink.rejected.size());
    assertEquals("too_large", row.reason);
    assertEquals(2, row.record);
    assertEquals("line is longer than " + LIMIT + " bytes", row.detail);
    assertTrue(row.excerpt, row.excerpt.startsWith("{\"text\": \"aaa"));
  }

  @Test
  public void aLineThatDoesNotEndWithinTheSkipLimitEndsTheReading() throws IOException {
    // A gzip bomb's shape: one line far longer than the limit, then more lines.
    long runOn = 1000L * LIMIT;
    Generated in = new Generated(GOOD + "{\"text\": \"", 'a', runOn, "\"}\n" + GOOD + GOOD);
    CollectingSink sink = parse(in);
    // The first line is a record; the long line and everything after it are one rejected row.
    assertEquals(1, sink.records.size());
    Rejected row = sink.rejected.get(0);
    assertEquals(1, sink.rejected.size());
    assertEquals("too_large", row.reason);
    assertEquals(2, row.record);
    assertTrue(row.detail, row.detail.endsWith("the rest of the file was not read"));
    // What was read is bounded by the limit, not by the line: at most the skip limit and one
    // read buffer past it.
    long bound = (long) LIMIT * (JsonLinesParser.MAX_SKIPPED_LINE_FACTOR + 1) + GOOD.length()
        + (1 << 16);
    assertTrue("read " + in.served + " bytes of " + runOn, in.served <= bound);
  }

  @Test
  public void aLineExactlyAtTheLimitIsARecord() throws IOException {
    String prefix = "{\"id\": \"x\", \"text\": \"";
    String suffix = "\"}";
    int fill = LIMIT - prefix.length() - suffix.length();
    CollectingSink sink = parse(new Generated(prefix, 'b', fill, suffix + "\n"));
    assertEquals(fill, sink.onlyRecord().text.length());
  }

  @Test
  public void aFileThatIsOneUnendingLineIsOneRejectedRow() throws IOException {
    CollectingSink sink = parse(new Generated("", 'z', 100L * LIMIT, ""));
    Rejected row = sink.onlyRejected();
    assertEquals("too_large", row.reason);
    assertEquals(1, row.record);
  }
}
