package io.storyline.pipeline;

import io.storyline.io.WarcFixture;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Writes a corpus of hostile inputs: pages built to make a reader or cleaner slow, large or
 * confused, each with the number of rows (articles plus rejected rows) it must end as. Sizes follow
 * one page size, the job's {@code --maxRecordBytes}: small in tests, the 10 MiB default in {@code
 * scripts/hostile-benchmark.sh}. The same size writes the same corpus.
 *
 * <pre>HostileCorpus DIR [PAGE_BYTES]</pre>
 *
 * prints one line per file: its name, the rows it must give ({@code N}, or {@code MIN-MAX}), and
 * what it is.
 */
public final class HostileCorpus {
  /** A page of a run-on text repeats these words in a seeded order. */
  private static final String[] WORDS =
      ("the council met again on tuesday to discuss harbour budget for next year while officials"
              + " from port velden said bridge repairs would take three weeks and ferries link"
              + " quays after ship marlow spirit struck second pier in basin")
          .split(" ");

  private static final String PARAGRAPH =
      "The council met again on Tuesday to discuss the harbour budget for next year, officials"
          + " said.";

  /** A gzip bomb decompresses to this many times the page size. */
  static final int BOMB_FACTOR = 100;

  /** Lines of the page of one-word lines. */
  static final int ONE_WORD_LINES = 100_000;

  /** Most repeats of the repeated paragraph (fewer when the page size cannot hold them). */
  static final int PARAGRAPH_REPEATS = 50_000;

  private HostileCorpus() {}

  /** One file of the corpus and the rows it must end as: from {@code minRows} to {@code maxRows}. */
  public record Page(String file, long minRows, long maxRows, String what) {
    Page(String file, long rows, String what) {
      this(file, rows, rows, what);
    }

    String rows() {
      return minRows == maxRows ? Long.toString(minRows) : minRows + "-" + maxRows;
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: HostileCorpus DIR [PAGE_BYTES]");
      System.exit(2);
    }
    int pageBytes = args.length > 1 ? Integer.parseInt(args[1]) : 10 << 20;
    for (Page page : write(Paths.get(args[0]), pageBytes)) {
      System.out.println(page.file() + "\t" + page.rows() + "\t" + page.what());
    }
  }

  /** Writes the corpus into {@code dir} (created if needed) and lists its files. */
  public static List<Page> write(Path dir, int pageBytes) throws IOException {
    Files.createDirectories(dir);
    List<Page> pages = new ArrayList<>();
    Random random = new Random(pageBytes);

    pages.add(text(dir, "no-punctuation.txt", runOn(random, pageBytes, 72, ""),
        "a page at the size limit without one punctuation mark, in lines of about 72 characters"));
    pages.add(text(dir, "one-sentence.txt", runOn(random, pageBytes, 0, "."),
        "a page at the size limit that is one sentence on one line"));

    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < ONE_WORD_LINES; i++) {
      lines.append(WORDS[random.nextInt(WORDS.length)]).append('\n');
    }
    pages.add(text(dir, "one-word-lines.txt", lines.toString(),
        ONE_WORD_LINES + " lines of one word each"));

    int repeats = Math.min(PARAGRAPH_REPEATS, pageBytes / (PARAGRAPH.length() + 2));
    pages.add(text(dir, "repeated-paragraph.txt", (PARAGRAPH + "\n\n").repeat(repeats),
        "one paragraph repeated " + repeats + " times"));

    pages.add(text(dir, "huge-table.html", table(pageBytes), "an HTML page that is one huge table"));

    long bombBytes = (long) BOMB_FACTOR * pageBytes;
    gzipBomb(dir.resolve("bomb.txt.gz"), bombBytes, false);
    pages.add(new Page("bomb.txt.gz", 1,
        "a gzip bomb: " + bombBytes + " bytes of one letter in "
            + Files.size(dir.resolve("bomb.txt.gz")) + " bytes"));
    gzipBomb(dir.resolve("bomb.jsonl.gz"), bombBytes, true);
    pages.add(new Page("bomb.jsonl.gz", 1,
        "a gzip bomb of JSON Lines: one line of " + bombBytes + " bytes"));

    pages.add(brokenGzip(dir.resolve("broken.jsonl.gz")));

    pages.add(text(dir, "deep-nesting.html", deepNesting(pageBytes),
        "an HTML page of elements nested one in another, each named as page chrome"));
    pages.add(text(dir, "unclosed-tags.html", unclosedTags(pageBytes),
        "an HTML page of a paragraph, then unclosed <svg> tags, then <script tags without a >"));
    byte[] binary = new byte[pageBytes];
    random.nextBytes(binary);
    Files.write(dir.resolve("binary.txt"), binary);
    pages.add(new Page("binary.txt", 1, "random bytes at the size limit, named .txt"));
    pages.add(text(dir, "one-huge-string.jsonl", hugeString(random, pageBytes),
        "a JSON line at the size limit whose text is one string without a space, then a line"
            + " of a short article", 2));
    hugeRecordArchive(dir.resolve("huge-record.warc.gz"), pageBytes);
    pages.add(new Page("huge-record.warc.gz", 2,
        "a web archive of an HTML page " + HUGE_RECORD_FACTOR + " times the size limit, then an"
            + " ordinary page"));

    WarcFixture warc = WarcFixture.create();
    warc.writeGzip(dir.resolve("truncated.warc.gz"));
    pages.add(new Page("truncated.warc.gz", WarcFixture.PAGE_RECORD_IDS.size() + 1,
        "a web archive whose last record is cut short"));

    // Plain text under a .gz name: Beam reads a file without gzip's magic number as it is.
    Files.writeString(dir.resolve("fake.txt.gz"), PARAGRAPH + "\n", StandardCharsets.UTF_8);
    pages.add(new Page("fake.txt.gz", 1, "a text page named .gz that is not compressed"));
    // Gzip's magic number, then noise: decompression fails at once.
    byte[] noise = new byte[4096];
    random.nextBytes(noise);
    noise[0] = 0x1f;
    noise[1] = (byte) 0x8b;
    Files.write(dir.resolve("noise.html.gz"), noise);
    pages.add(new Page("noise.html.gz", 1, "gzip's magic number followed by random bytes"));
    return pages;
  }

  private static Page text(Path dir, String name, String content, String what)
      throws IOException {
    return text(dir, name, content, what, 1);
  }

  private static Page text(Path dir, String name, String content, String what, long rows)
      throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    return new Page(name, rows, what);
  }

  private static final String ARTICLE_HEAD =
      "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour budget agreed</title></head><body>"
          + "<article><h1>Harbour budget agreed</h1><p>" + PARAGRAPH + " " + PARAGRAPH + "</p>";

  /** Elements nested as deep as the page size allows, each named as chrome and holding prose. */
  private static String deepNesting(int bytes) {
    StringBuilder page = new StringBuilder(bytes).append(ARTICLE_HEAD);
    String open = "<div class=\"comments\">" + PARAGRAPH + " ";
    while (page.length() + open.length() < bytes) {
      page.append(open);
    }
    return page.toString();
  }

  /**
   * An article paragraph, then unclosed inert tags to the page size: {@code <svg>} for the first
   * half, then {@code <script } without a {@code >}. No closing tag, and in the second half no end
   * of a tag, is ever found.
   */
  private static String unclosedTags(int bytes) {
    StringBuilder page = new StringBuilder(bytes).append(ARTICLE_HEAD).append("</article>");
    while (page.length() < bytes / 2) {
      page.append("<svg>");
    }
    String script = "<script ";
    while (page.length() + script.length() <= bytes) {
      page.append(script);
    }
    return page.toString();
  }

  /** A JSON line of the page size whose text is one run of letters, then a short article. */
  private static String hugeString(Random random, int bytes) {
    String head = "{\"id\": \"huge-string\", \"title\": \"Harbour budget\", \"text\": \"";
    String tail = "\"}\n";
    StringBuilder line = new StringBuilder(bytes).append(head);
    while (line.length() < bytes - tail.length()) {
      line.append((char) ('a' + random.nextInt(26)));
    }
    line.append(tail);
    line.append("{\"id\": \"after-huge-string\", \"title\": \"Harbour budget agreed\", \"text\": \"")
        .append(PARAGRAPH).append("\"}\n");
    return line.toString();
  }

  /** The archived page of {@code huge-record.warc.gz} is this many times the page size. */
  static final int HUGE_RECORD_FACTOR = 4;

  /**
   * A gzipped web archive of two HTML responses: one of {@link #HUGE_RECORD_FACTOR} times the
   * page size (paragraphs repeated, streamed to the writer), then an ordinary page.
   */
  private static void hugeRecordArchive(Path file, int pageBytes) throws IOException {
    byte[] paragraph = ("<p>" + PARAGRAPH + "</p>\n").getBytes(StandardCharsets.UTF_8);
    long bodyBytes = (long) HUGE_RECORD_FACTOR * pageBytes;
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
            + bodyBytes + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    InputStream body = new InputStream() {
      private long at;

      @Override
      public int read() {
        if (at >= head.length + bodyBytes) {
          return -1;
        }
        long i = at++;
        return i < head.length ? head[(int) i] : paragraph[(int) ((i - head.length) % paragraph.length)];
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int n = 0;
        for (int c; n < len && (c = read()) >= 0; n++) {
          b[off + n] = (byte) c;
        }
        return n == 0 && len > 0 ? -1 : n;
      }
    };
    byte[] small = (ARTICLE_HEAD + "</article></body></html>").getBytes(StandardCharsets.UTF_8);
    byte[] smallHttp = concat(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
        + small.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), small);
    Instant date = Instant.parse("2025-03-12T12:00:00Z");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      WarcWriter writer = new WarcWriter(Channels.newChannel(out));
      writer.write(new WarcResponse.Builder("https://harbour.example/every-ship").date(date)
          .body(MediaType.HTTP_RESPONSE, Channels.newChannel(body), head.length + bodyBytes)
          .build());
      writer.write(new WarcResponse.Builder("https://harbour.example/budget").date(date)
          .body(MediaType.HTTP_RESPONSE, smallHttp).build());
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * Exactly {@code bytes} of seeded words and spaces, broken into lines of about {@code width}
   * characters (none when 0), ending in {@code end}.
   */
  private static String runOn(Random random, int bytes, int width, String end) {
    StringBuilder text = new StringBuilder(bytes);
    int lineStart = 0;
    while (text.length() < bytes - end.length()) {
      if (width > 0 && text.length() - lineStart >= width) {
        text.setCharAt(text.length() - 1, '\n');
        lineStart = text.length();
      }
      text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    text.setLength(bytes - end.length());
    return text.append(end).toString();
  }

  /** A page whose body is a table of numbers and short labels, filling the page size. */
  private static String table(int bytes) {
    String head =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour traffic, every ship</title></head>"
            + "<body><h1>Harbour traffic, every ship</h1><table>\n";
    String tail = "</table></body></html>\n";
    StringBuilder page = new StringBuilder(bytes).append(head);
    for (int row = 0; page.length() + tail.length() < bytes - 200; row++) {
      page.append(String.format(Locale.ROOT,
          "<tr><td>%d</td><td>Berth %d</td><td>%d,%03d t</td><td>%.1f%%</td></tr>\n",
          row, row % 40, row % 90, row % 1000, (row % 1000) / 10.0));
    }
    return page.append(tail).toString();
  }

  /** {@code bytes} of one letter, gzipped (about a thousandth of the size); as one line. */
  private static void gzipBomb(Path file, long bytes, boolean newlineAtEnd) throws IOException {
    byte[] block = new byte[1 << 16];
    Arrays.fill(block, (byte) 'a');
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (long written = 0; written < bytes; written += block.length) {
        out.write(block, 0, (int) Math.min(block.length, bytes - written));
      }
      if (newlineAtEnd) {
        out.write('\n');
      }
    }
  }

  /**
   * JSON Lines gzipped and cut at two thirds of the compressed bytes: each whole line read before
   * the cut is a record, and the rest of the file is one rejected row. How much is read before the
   * cut depends on the decompressor: the JDK's gives up only what cannot be decoded, which is the
   * most; Beam's loses its last read buffer (up to 64 KB) to the failure. So the rows are at least
   * two (a line and the rejected rest) and at most the JDK's whole lines and one.
   */
  private static Page brokenGzip(Path file) throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (Writer out =
        new OutputStreamWriter(new GZIPOutputStream(zipped), StandardCharsets.UTF_8)) {
      for (int i = 0; i < 300; i++) {
        out.write("{\"id\": \"broken-" + i + "\", \"title\": \"Harbour budget, part " + i
            + "\", \"text\": \"" + PARAGRAPH + " Item " + i + " of the list was agreed.\"}\n");
      }
    }
    byte[] whole = zipped.toByteArray();
    byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
    Files.write(file, cut);
    long lines = 0;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          lines++;
        }
      }
    } catch (EOFException e) {
      // The cut: nothing more can be read.
    }
    return new Page(file.getFileName().toString(), 2, lines + 1,
        "JSON Lines whose gzip stream is cut short after " + lines + " whole lines");
  }
}
