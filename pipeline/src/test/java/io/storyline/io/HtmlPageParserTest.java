package io.storyline.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.storyline.model.InputRecord;
import io.storyline.model.Rejected;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPInputStream;
import org.joda.time.Instant;
import org.junit.Test;

/** One HTML page per file: decoding, extraction, metadata and every way a page is rejected. */
public class HtmlPageParserTest {
  private static final int LIMIT = ReadInputs.DEFAULT_MAX_RECORD_BYTES;

  private static final String ARTICLE =
      "<p>The council of Brannock voted on Tuesday to close the old ferry pier for good, after"
          + " divers found that its wooden piles had rotted well below the waterline.</p>\n"
          + "<p>The harbour master said the pier, built in 1911, could no longer carry the weight"
          + " of a loaded ferry, and that passengers would board at the new quay from Monday.</p>\n"
          + "<p>\"It is a sad day for the town, but a safe one,\" the mayor said, adding that the"
          + " council would look for money to keep the pier as a walkway.</p>\n";

  static Path fixture(String name) {
    Path here = Paths.get("").toAbsolutePath();
    Path fixtures = here.resolveSibling("fixtures");
    return (Files.isDirectory(fixtures) ? fixtures : here.resolve("fixtures")).resolve(name);
  }

  private static CollectingSink parse(String file, byte[] bytes, int limit) throws IOException {
    CollectingSink sink = new CollectingSink();
    new HtmlPageParser(limit).parse(file, new ByteArrayInputStream(bytes), sink);
    return sink;
  }

  private static CollectingSink parse(byte[] bytes) throws IOException {
    return parse("/in/page.html", bytes, LIMIT);
  }

  private static byte[] page(String head, String body, Charset charset) {
    return ("<!DOCTYPE html><html><head>" + head + "<title>Brannock closes its old ferry pier"
            + "</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
            + "<article><h1>Brannock closes its old ferry pier</h1>" + body + "</article>"
            + "<footer><a href=\"/about\">About</a></footer></body></html>")
        .getBytes(charset);
  }

  @Test
  public void aPageBecomesOneArticleWithItsMetadata() throws IOException {
    Path file = fixture("html/velden-courier-bridge.html");
    CollectingSink sink = new CollectingSink();
    try (InputStream in = Files.newInputStream(file)) {
      new HtmlPageParser(LIMIT).parse(file.toString(), in, sink);
    }
    InputRecord r = sink.onlyRecord();
    assertEquals("velden-courier-bridge", r.articleId);
    assertEquals("html", r.format);
    assertEquals(0, r.record);
    assertEquals("Cargo ship strikes Kessing Bridge, Port Velden crossing closed", r.title);
    assertEquals("Velden Courier", r.source);
    assertEquals(
        "https://www.veldencourier.example/news/2025/03/12/kessing-bridge-ship-strike", r.url);
    assertEquals(Instant.parse("2025-03-12T08:40:00Z"), r.published);
    assertEquals("en", r.language);
    assertTrue(r.text, r.text.startsWith("The container ship Marlow Spirit struck a pier"));
    assertTrue(r.text, r.text.contains("opened an inquiry into the loss of steering."));
    for (String chrome :
        new String[] {"cookies", "Subscribe", "Related stories", "Ostwall crossing repairs",
          "All rights reserved", "Marta Olsen", "dataLayer"}) {
      assertFalse(chrome, r.text.contains(chrome));
    }
  }

  @Test
  public void aDeclaredSingleByteCharsetDecodesThePage() throws IOException {
    CollectingSink sink =
        parse("/in/tidewater-daily-bridge.htm",
            Files.readAllBytes(fixture("html/tidewater-daily-bridge.htm")), LIMIT);
    InputRecord r = sink.onlyRecord();
    assertEquals("tidewater-daily-bridge", r.articleId);
    assertTrue(r.text, r.text.contains("“several weeks”"));
    assertTrue(r.text, r.text.contains("minor injuries – nobody"));
    assertEquals("Tidewater Daily", r.source);
    assertEquals("Port Velden bridge closed after ship collision", r.title);
  }

  @Test
  public void aGzippedPageIsReadThroughTheJob() throws IOException {
    // The job undoes .gz before the parser; here the test does.
    byte[] bytes;
    try (InputStream in =
        new GZIPInputStream(
            Files.newInputStream(fixture("html/osric-valley-news-avalanche.html.gz")))) {
      bytes = in.readAllBytes();
    }
    InputRecord r = parse("/in/osric-valley-news-avalanche.html.gz", bytes, LIMIT).onlyRecord();
    assertEquals("osric-valley-news-avalanche", r.articleId);
    assertEquals("Osric Valley News", r.source);
    assertNull(r.url);
    assertNull(r.published);
  }

  @Test
  public void aWrongDeclaredCharsetFallsBackToWhatDecodes() throws IOException {
    String body = ARTICLE.replace("mayor", "maire Zoë Café");
    // UTF-8 bytes declared as Latin-1: the declaration is wrong, UTF-8 wins.
    InputRecord latin1 =
        parse(page("<meta charset=\"iso-8859-1\">", body, StandardCharsets.UTF_8)).onlyRecord();
    assertTrue(latin1.text, latin1.text.contains("maire Zoë Café"));
    // UTF-8 bytes declared as Shift_JIS.
    InputRecord sjis =
        parse(page("<meta charset=\"shift_jis\">", body, StandardCharsets.UTF_8)).onlyRecord();
    assertTrue(sjis.text, sjis.text.contains("maire Zoë Café"));
    // windows-1252 bytes declared as UTF-8: strict UTF-8 fails, windows-1252 is the last resort.
    InputRecord cp1252 =
        parse(page("<meta charset=\"utf-8\">", body, Charset.forName("windows-1252")))
            .onlyRecord();
    assertTrue(cp1252.text, cp1252.text.contains("maire Zoë Café"));
    // A name no JVM knows, a malformed name, and UTF-16 declared on ASCII-compatible bytes.
    for (String head :
        new String[] {
          "<meta charset=\"x-no-such-charset\">",
          "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%%bad\">",
          "<meta charset=\"utf-16\">"
        }) {
      InputRecord r = parse(page(head, body, StandardCharsets.UTF_8)).onlyRecord();
      assertTrue(head + ": " + r.text, r.text.contains("maire Zoë Café"));
      assertEquals(head, "Brannock closes its old ferry pier", r.title);
    }
  }

  @Test
  public void aByteOrderMarkWinsOverTheDeclaration() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    bytes.write(page("<meta charset=\"windows-1252\">", ARTICLE, StandardCharsets.UTF_16LE));
    InputRecord r = parse(bytes.toByteArray()).onlyRecord();
    assertTrue(r.text, r.text.contains("The council of Brannock voted on Tuesday"));
  }

  @Test
  public void binaryAndNonHtmlPayloadsAreBinaryContent() throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};
    assertEquals("binary_content", parse(png).onlyRejected().reason);
    byte[] text = "Just a plain note, no markup at all.\n".getBytes(StandardCharsets.UTF_8);
    Rejected plain = parse(text).onlyRejected();
    assertEquals("binary_content", plain.reason);
    assertEquals("content is not an HTML page", plain.detail);
    assertEquals("page", plain.articleId);
  }

  @Test
  public void emptyAndTextlessPagesAreRejected() throws IOException {
    assertEquals("empty_input", parse(new byte[0]).onlyRejected().reason);
    assertEquals("empty_input", parse(" \n\t\n".getBytes(StandardCharsets.UTF_8)).onlyRejected().reason);
    byte[] menuOnly =
        page("", "<ul><li><a href=\"/a\">Sport</a></li><li><a href=\"/b\">Weather</a></li></ul>",
            StandardCharsets.UTF_8);
    Rejected r = parse(menuOnly).onlyRejected();
    assertEquals("no_article_text", r.reason);
    assertTrue(r.detail, r.detail.contains("Brannock closes its old ferry pier"));
  }

  @Test(timeout = 20_000)
  public void aTwentyMegabytePageIsRejectedOrExtractedInBoundedTime() throws IOException {
    StringBuilder html = new StringBuilder(21 << 20);
    html.append("<html><head><title>Brannock closes its old ferry pier</title></head><body>");
    html.append("<article><h1>Brannock closes its old ferry pier</h1>").append(ARTICLE);
    while (html.length() < 20 << 20) {
      html.append("<div class=\"c\"><p>Comment: the pier was lovely in summer, what a shame.</p>"
          + "<a href=\"/u\">reply</a></div>\n");
    }
    html.append("</article></body></html>");
    byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);

    Rejected tooLarge = parse("/in/huge.html", bytes, LIMIT).onlyRejected();
    assertEquals("too_large", tooLarge.reason);
    assertEquals("huge", tooLarge.articleId);

    // With the limit raised, the extractor reads a bounded prefix of the page.
    InputRecord r = parse("/in/huge.html", bytes, 32 << 20).onlyRecord();
    assertTrue(r.text.contains("The council of Brannock voted on Tuesday"));
  }
}
