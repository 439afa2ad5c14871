package io.storyline.ratings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.Test;

public class CsvRecordsTest {
  private static List<CsvRecords.Row> read(String text) throws IOException {
    return CsvRecords.read("test.csv", new StringReader(text));
  }

  @Test
  public void plainFieldsAndLines() throws IOException {
    List<CsvRecords.Row> rows = read("a,b,c\n1,,3\n");
    assertEquals(List.of(new CsvRecords.Row(1, List.of("a", "b", "c")),
        new CsvRecords.Row(2, List.of("1", "", "3"))), rows);
  }

  @Test
  public void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
    List<CsvRecords.Row> rows =
        read("name,url\r\n\"Al Jazeera, English\",\"https://x.example/ \n\"\r\n\"say \"\"hi\"\"\",x\n");
    assertEquals(3, rows.size());
    assertEquals(List.of("Al Jazeera, English", "https://x.example/ \n"), rows.get(1).fields());
    assertEquals(2, rows.get(1).line());
    // The record after a quoted line break starts two lines further on.
    assertEquals(4, rows.get(2).line());
    assertEquals(List.of("say \"hi\"", "x"), rows.get(2).fields());
  }

  @Test
  public void blankLinesAreNoRecordsAndTheLastLineNeedsNoBreak() throws IOException {
    List<CsvRecords.Row> rows = read("\uFEFFa,b\n\n\nx,y");
    assertEquals(List.of(new CsvRecords.Row(1, List.of("a", "b")),
        new CsvRecords.Row(4, List.of("x", "y"))), rows);
  }

  @Test
  public void anEmptyLastFieldIsAField() throws IOException {
    assertEquals(List.of("a", ""), read("a,\n").get(0).fields());
    assertEquals(List.of("a", ""), read("a,\"\"").get(0).fields());
  }

  @Test
  public void aQuoteThatNeverEndsNamesTheLineItOpensOn() {
    RatingsFormatException e =
        assertThrows(RatingsFormatException.class, () -> read("a,b\nx,\"open\nmore\n"));
    assertEquals(2, e.line());
    assertEquals("test.csv", e.file());
  }

  @Test
  public void strayQuotesAreErrors() {
    assertEquals(2, assertThrows(RatingsFormatException.class, () -> read("a\nab\"c\n")).line());
    assertEquals(3,
        assertThrows(RatingsFormatException.class, () -> read("a\nb\n\"c\"d\n")).line());
  }

  @Test
  public void quotingWritesWhatReadingReads() throws IOException {
    String[] fields = {"plain", "a, b", "say \"x\"", "two\nlines", ""};
    StringBuilder line = new StringBuilder();
    for (String f : fields) {
      line.append(line.length() == 0 ? "" : ",").append(CsvRecords.quote(f));
    }
    assertEquals(List.of(fields), read(line + "\n").get(0).fields());
  }
}
