package io.storyline.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * A small web archive written with jwarc's writer from the HTML fixture pages: ten records, of
 * which four are HTML pages, five are records the reader skips, and the last is cut short.
 */
public final class WarcFixture {
  /** Record ids of the four HTML pages, in archive order. */
  public static final List<String> PAGE_RECORD_IDS =
      List.of(
          "<urn:uuid:00000000-0000-4000-8000-000000000002>",
          "<urn:uuid:00000000-0000-4000-8000-000000000004>",
          "<urn:uuid:00000000-0000-4000-8000-000000000007>",
          "<urn:uuid:00000000-0000-4000-8000-000000000008>");

  /** The page without metadata of its own: its URL, outlet and date come from the record. */
  public static final String BARE_PAGE_URI = "https://www.harbourwatch.example/notes/kessing-bridge";

  public static final Instant BARE_PAGE_DATE = Instant.parse("2025-03-12T10:30:00Z");

  /** Records that are not HTML pages: warcinfo, request, metadata, a PNG and a redirect. */
  public static final int SKIPPED_RECORDS = 5;

  /** The archive, uncompressed. */
  public final byte[] bytes;

  /** Byte offset of each record; the last is the truncated one. */
  public final List<Long> offsets;

  private WarcFixture(byte[] bytes, List<Long> offsets) {
    this.bytes = bytes;
    this.offsets = offsets;
  }

  public long truncatedRecordOffset() {
    return offsets.get(offsets.size() - 1);
  }

  /** Writes the archive as one gzip member to {@code file} (a {@code .warc.gz} name). */
  public void writeGzip(Path file) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    }
  }

  public static WarcFixture create() throws IOException {
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    List<Long> offsets = new ArrayList<>();
    WarcWriter writer = new WarcWriter(archive);
    Instant date = Instant.parse("2025-03-12T12:00:00Z");

    write(writer, offsets,
        new Warcinfo.Builder().recordId(id(0)).date(date).filename("fixture.warc")
            .fields(Map.of("software", List.of("storyline tests"))).build());
    write(writer, offsets,
        new WarcRequest.Builder("https://www.veldencourier.example/news/2025/03/12/kessing-bridge-ship-strike")
            .recordId(id(1)).date(date)
            .body(new HttpRequest.Builder("GET", "/news/2025/03/12/kessing-bridge-ship-strike")
                .addHeader("Host", "www.veldencourier.example").build())
            .build());
    write(writer, offsets,
        response(2, "https://www.veldencourier.example/news/2025/03/12/kessing-bridge-ship-strike",
            date, http("200 OK", "text/html; charset=utf-8",
                fixture("velden-courier-bridge.html"))));
    write(writer, offsets,
        new WarcMetadata.Builder().recordId(id(3)).date(date)
            .targetURI("https://www.veldencourier.example/news/2025/03/12/kessing-bridge-ship-strike")
            .fields(Map.of("outlink", List.of("https://www.veldencourier.example/news")))
            .build());
    write(writer, offsets,
        response(4, "https://alpineledger.example/stories/osric-pass-station-evacuated", date,
            gzipChunked(fixture("alpine-ledger-avalanche.html"))));
    write(writer, offsets,
        response(5, "https://www.veldencourier.example/img/bridge.png", date,
            http("200 OK", "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0})));
    write(writer, offsets,
        response(6, "http://veldencourier.example/bridge", date,
            http("301 Moved Permanently", "text/html",
                "<html><body><a href=\"https://www.veldencourier.example/\">Moved</a></body></html>"
                    .getBytes(StandardCharsets.US_ASCII))));
    write(writer, offsets,
        response(7, BARE_PAGE_URI, BARE_PAGE_DATE,
            http("200 OK", "text/html", barePage().getBytes(StandardCharsets.UTF_8))));
    // Declared in the HTTP header only; the page's own declaration agrees.
    write(writer, offsets,
        response(8, "https://tidewaterdaily.example/2025/03/port-velden-bridge-closed", date,
            http("200 OK", "text/html; charset=windows-1252", fixture("tidewater-daily-bridge.htm"))));

    // The last record is cut off in the middle of its payload, as by an interrupted crawl.
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    new WarcWriter(whole).write(
        response(9, "https://osricvalleynews.example/airlift", date,
            http("200 OK", "text/html", fixture("alpine-ledger-avalanche.html"))));
    offsets.add((long) archive.size());
    archive.write(Arrays.copyOf(whole.toByteArray(), whole.size() / 2));
    return new WarcFixture(archive.toByteArray(), Collections.unmodifiableList(offsets));
  }

  private static void write(WarcWriter writer, List<Long> offsets, WarcRecord record)
      throws IOException {
    offsets.add(writer.position());
    writer.write(record);
  }

  private static URI id(int n) {
    return URI.create(String.format("urn:uuid:%s", new UUID(0x4000L, 0x8000000000000000L | n)));
  }

  private static WarcResponse response(int n, String uri, Instant date, byte[] http) {
    return new WarcResponse.Builder(uri).recordId(id(n)).date(date)
        .body(MediaType.HTTP_RESPONSE, http).build();
  }

  private static byte[] http(String status, String contentType, byte[] body) {
    String head = "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    return concat(head.getBytes(StandardCharsets.ISO_8859_1), body);
  }

  /** A response whose body is gzip content-encoded and sent in HTTP chunks. */
  private static byte[] gzipChunked(byte[] page) throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write(page);
    }
    byte[] zipped = gz.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n"
        + "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    for (int at = 0; at < zipped.length; at += 500) {
      int n = Math.min(500, zipped.length - at);
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(zipped, at, n);
      out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  private static String barePage() {
    return "<html><body><div class=\"menu\"><a href=\"/\">Harbour Watch</a> <a href=\"/log\">Ship log</a>"
        + "</div><h1>Kessing Bridge pier struck by the Marlow Spirit</h1><div class=\"entry\">"
        + "<p>The container ship Marlow Spirit hit the second pier of the Kessing Bridge in Port"
        + " Velden on Wednesday morning after losing steering in the inner basin, and the city"
        + " closed the bridge to traffic.</p>"
        + "<p>Mayor Ilse Varga said the inspection of the damaged pier would take at least three"
        + " weeks. Buses use the Ostwall crossing, and extra ferries link the quays.</p>"
        + "<p>Two crew members of the Marlow Spirit were treated for minor injuries, and the ship"
        + " was towed back to berth 7 while investigators examine its steering.</p>"
        + "</div><div class=\"footer\"><a href=\"/about\">About this blog</a></div></body></html>";
  }

  private static byte[] fixture(String name) throws IOException {
    Path dir = HtmlPageParserTest.fixture("html");
    Path plain = dir.resolve(name);
    if (Files.exists(plain)) {
      return Files.readAllBytes(plain);
    }
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(name + ".gz")))) {
      return in.readAllBytes();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
