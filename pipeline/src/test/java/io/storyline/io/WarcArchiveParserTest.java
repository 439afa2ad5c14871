package io.storyline.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.storyline.cluster.StoryIds;
import io.storyline.model.InputRecord;
import io.storyline.model.Rejected;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;
import org.junit.BeforeClass;
import org.junit.Test;

/** Web archives: HTML responses become pages, other records are skipped, broken ones rejected. */
public class WarcArchiveParserTest {
  private static final String FILE = "/in/crawl.warc";
  private static WarcFixture fixture;

  @BeforeClass
  public static void writeArchive() throws IOException {
    fixture = WarcFixture.create();
  }

  private static CollectingSink parse(byte[] bytes, int limit) throws IOException {
    CollectingSink sink = new CollectingSink();
    new WarcArchiveParser(limit).parse(FILE, new ByteArrayInputStream(bytes), sink);
    return sink;
  }

  @Test
  public void htmlResponsesBecomeArticlesAndOtherRecordsAreSkipped() throws IOException {
    CollectingSink sink = parse(fixture.bytes, ReadInputs.DEFAULT_MAX_RECORD_BYTES);
    List<String> ids = new ArrayList<>();
    List<Long> positions = new ArrayList<>();
    for (InputRecord r : sink.records) {
      ids.add(r.articleId);
      positions.add(r.record);
      assertEquals("warc", r.format);
      assertEquals(FILE, r.inputFile);
    }
    List<String> expectedIds = new ArrayList<>();
    for (String recordId : WarcFixture.PAGE_RECORD_IDS) {
      expectedIds.add(StoryIds.hashed("warc:", recordId));
    }
    assertEquals(expectedIds, ids);
    List<Long> o = fixture.offsets;
    assertEquals(Arrays.asList(o.get(2), o.get(4), o.get(7), o.get(8)), positions);
    assertEquals(Map.of(WarcArchiveParser.SKIPPED, WarcFixture.SKIPPED_RECORDS), sink.skipped);

    InputRecord velden = sink.records.get(0);
    assertEquals("Cargo ship strikes Kessing Bridge, Port Velden crossing closed", velden.title);
    assertEquals("Velden Courier", velden.source);
    assertEquals(Instant.parse("2025-03-12T08:40:00Z"), velden.published);

    // Gzip content encoding inside chunked transfer encoding.
    InputRecord alpine = sink.records.get(1);
    assertEquals("Alpine Ledger", alpine.source);
    assertTrue(alpine.text, alpine.text.startsWith("Fourteen researchers were flown out"));

    // A page without metadata: URL, outlet and date come from the record.
    InputRecord bare = sink.records.get(2);
    assertEquals(WarcFixture.BARE_PAGE_URI, bare.url);
    assertEquals("harbourwatch.example", bare.source);
    assertEquals(new Instant(WarcFixture.BARE_PAGE_DATE.toEpochMilli()), bare.published);
    assertEquals("Kessing Bridge pier struck by the Marlow Spirit", bare.title);

    // windows-1252 named by the HTTP header.
    assertTrue(sink.records.get(3).text, sink.records.get(3).text.contains("“several weeks”"));
  }

  @Test
  public void theTruncatedLastRecordIsOneRejectedRowAtItsOffset() throws IOException {
    CollectingSink sink = parse(fixture.bytes, ReadInputs.DEFAULT_MAX_RECORD_BYTES);
    assertEquals(1, sink.rejected.size());
    Rejected r = sink.rejected.get(0);
    assertEquals("unreadable", r.reason);
    assertEquals(fixture.truncatedRecordOffset(), r.record);
    assertEquals(FILE, r.inputFile);
    assertEquals(StoryIds.hashed("warc:", "<urn:uuid:00000000-0000-4000-8000-000000000009>"),
        r.articleId);
  }

  @Test
  public void aBrokenHeaderRejectsTheRestOfTheArchiveAsOneRow() throws IOException {
    // The first three records, then bytes that are no WARC header, then the rest.
    int cut = fixture.offsets.get(3).intValue();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(fixture.bytes, 0, cut);
    bytes.write("this is not a WARC record\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    bytes.write(fixture.bytes, cut, fixture.bytes.length - cut);
    CollectingSink sink = parse(bytes.toByteArray(), ReadInputs.DEFAULT_MAX_RECORD_BYTES);
    assertEquals(1, sink.records.size());
    assertEquals(1, sink.rejected.size());
    Rejected r = sink.rejected.get(0);
    assertEquals("unreadable", r.reason);
    assertEquals(cut, r.record);
    assertNull(r.articleId);
    assertTrue(r.detail, r.detail.contains("the rest of the archive cannot be read"));
  }

  @Test
  public void aPageAboveTheLimitIsTooLargeAndReadingGoesOn() throws IOException {
    CollectingSink sink = parse(fixture.bytes, 2000);
    List<String> reasons = new ArrayList<>();
    for (Rejected r : sink.rejected) {
      reasons.add(r.reason + "@" + r.record);
    }
    List<Long> o = fixture.offsets;
    // The Velden Courier and Alpine Ledger pages are over 2,000 bytes; the others are not.
    assertEquals(
        Arrays.asList("too_large@" + o.get(2), "too_large@" + o.get(4),
            "unreadable@" + fixture.truncatedRecordOffset()),
        reasons);
    assertEquals(2, sink.records.size());
  }

  @Test
  public void anEmptyArchiveIsEmptyInputAndGarbageIsUnreadable() throws IOException {
    assertEquals("empty_input", parse(new byte[0], 1000).onlyRejected().reason);
    Rejected garbage =
        parse("<html>not an archive</html>\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 1000)
            .onlyRejected();
    assertEquals("unreadable", garbage.reason);
    assertEquals(0, garbage.record);
  }
}
