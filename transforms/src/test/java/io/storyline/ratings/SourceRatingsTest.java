package io.storyline.ratings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SourceRatingsTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static List<OutletRating> parse(String text) throws IOException {
    return SourceRatings.parse("ratings.csv", new StringReader(text));
  }

  private static RatingsFormatException error(String text) {
    return assertThrows(RatingsFormatException.class, () -> parse(text));
  }

  @Test
  public void everyColumnIsRead() throws IOException {
    List<OutletRating> ratings =
        parse("domain,name,bias,factuality,owner,country\n"
            + "www.Harbor-Gazette.example,Harbor Gazette,lean_left,mostly_factual,"
            + "\"Tidewater Media, Inc.\",US\n"
            + ",Ridgeline Report,RIGHT,,,\n");
    assertEquals(
        List.of(
            new OutletRating("harbor-gazette.example", "Harbor Gazette", Bias.LEAN_LEFT,
                Factuality.MOSTLY_FACTUAL, "Tidewater Media, Inc.", "US"),
            new OutletRating(null, "Ridgeline Report", Bias.RIGHT, null, null, null)),
        ratings);
  }

  @Test
  public void columnsComeInAnyOrderAndOnlyDomainIsNeeded() throws IOException {
    assertEquals(List.of(new OutletRating("a.example", null, null, Factuality.HIGH, null, null)),
        parse("factuality,domain\nhigh,a.example\n"));
    assertEquals(List.of(), parse("domain\n"));
  }

  @Test
  public void unknownValuesNameTheirLine() {
    RatingsFormatException bias = error("domain,bias\na.example,left\nb.example,centre\n");
    assertEquals(3, bias.line());
    assertTrue(bias.getMessage(), bias.getMessage().contains("bias 'centre' is not one of"));
    assertTrue(bias.getMessage(), bias.getMessage().contains("lean_left"));
    RatingsFormatException level = error("domain,factuality\n\na.example,reliable\n");
    assertEquals(3, level.line());
    assertTrue(level.getMessage(), level.getMessage().startsWith("ratings.csv line 3: factuality"));
  }

  @Test
  public void malformedLinesNameTheirLine() {
    assertEquals(2, error("domain,bias\na.example\n").line());
    assertEquals(3, error("domain,bias\na.example,left\nb.example,left,extra\n").line());
    assertEquals(2, error("domain,name\nhttps://a.example/,A\n").line());
    assertEquals(2, error("domain,name\n,\n").line());
    assertEquals(2, error("domain,name\n\"a.example,A\n").line());
  }

  @Test
  public void theHeaderMustBeKnownAndHoldADomain() {
    assertTrue(error("domain,biass\n").getMessage().contains("unknown column 'biass'"));
    assertTrue(error("name,bias\nA,left\n").getMessage().contains("no 'domain' column"));
    assertTrue(error("domain,bias,Bias\n").getMessage().contains("twice"));
    assertEquals(1, error("").line());
  }

  @Test
  public void anOutletIsRatedOnce() {
    RatingsFormatException domain =
        error("domain,name\na.example,A\nb.example,B\nwww.a.example,A again\n");
    assertEquals(4, domain.line());
    assertTrue(domain.getMessage(), domain.getMessage().contains("already rated on line 2"));
    assertEquals(3, error("domain,name\n,The Post\n,the post\n").line());
  }

  @Test
  public void whatIsWrittenReadsBack() throws IOException {
    List<OutletRating> ratings =
        List.of(
            new OutletRating("a.example", "A, the \"first\"", Bias.FAR_LEFT, Factuality.VERY_LOW,
                "Owner\nwith a line break", "FR"),
            new OutletRating(null, "Name Only", null, null, null, null));
    StringWriter out = new StringWriter();
    SourceRatings.write(ratings, out);
    assertEquals(ratings, parse(out.toString()));
  }

  @Test
  public void aFileIsReadThroughBeamsFileSystems() throws IOException {
    Path file = temp.newFile("ratings.csv").toPath();
    Files.writeString(file, "domain,bias\nexample.org,center\n", StandardCharsets.UTF_8);
    assertEquals(List.of(new OutletRating("example.org", null, Bias.CENTER, null, null, null)),
        SourceRatings.read(file.toString()));
  }
}
