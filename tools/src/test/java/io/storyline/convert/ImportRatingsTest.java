package io.storyline.convert;

import static org.junit.Assert.assertEquals;

import io.storyline.ratings.Bias;
import io.storyline.ratings.Factuality;
import io.storyline.ratings.OutletRating;
import io.storyline.ratings.SourceRatings;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.Test;

public class ImportRatingsTest {
  @Test
  public void allSidesRatingsAreMatchedByName() throws Exception {
    String csv = "news_source,rating,rating_num,type,agree,disagree,perc_agree,url\n"
        + "Harbor Gazette,left-center,2,News Media,1,2,0.3,https://www.allsides.com/x\n"
        + "Ridgeline Report,right,5,News Media,1,2,0.3,NA\n"
        + "Meridian Wire,allsides,NA,News Media,1,2,0.3,NA\n"
        + "\"Bay Chronicle, The\",center,3,News Media,1,2,0.3,NA\n"
        + "Ridgeline Report,left,1,Author,1,2,0.3,NA\n";
    ImportRatings.Result r = ImportRatings.convert("allsides", "a.csv", new StringReader(csv));
    assertEquals(
        List.of(
            new OutletRating(null, "Harbor Gazette", Bias.LEAN_LEFT, null, null, null),
            new OutletRating(null, "Ridgeline Report", Bias.RIGHT, null, null, null),
            new OutletRating(null, "Meridian Wire", null, null, null, null),
            new OutletRating(null, "Bay Chronicle, The", Bias.CENTER, null, null, null)),
        r.ratings());
    assertEquals(1, r.duplicates());
    assertReadable(r);
  }

  @Test
  public void mbfcRatingsAreMatchedByDomain() throws Exception {
    String csv = "source,country,bias,factual_reporting,press_freedom\n"
        + "harbor.example,usa,least biased,very high,mostly free\n"
        + "www.ridge.example,usa,extreme right,low,mostly free\n"
        + "satire.example,usa,satire,mostly factual,mostly free\n"
        + "not a domain,usa,left,high,mostly free\n"
        + "harbor.example,usa,left,high,mostly free\n";
    ImportRatings.Result r = ImportRatings.convert("mbfc", "m.csv", new StringReader(csv));
    assertEquals(
        List.of(
            new OutletRating("harbor.example", null, Bias.CENTER, Factuality.VERY_HIGH, null, "usa"),
            new OutletRating("ridge.example", null, Bias.FAR_RIGHT, Factuality.LOW, null, "usa"),
            new OutletRating("satire.example", null, null, Factuality.MOSTLY_FACTUAL, null, "usa")),
        r.ratings());
    assertEquals(1, r.duplicates());
    assertEquals(1, r.skipped());
    assertReadable(r);
  }

  /** What a converter writes is a valid ratings file that reads back to the same outlets. */
  private static void assertReadable(ImportRatings.Result r) throws Exception {
    StringWriter out = new StringWriter();
    SourceRatings.write(r.ratings(), out);
    assertEquals(r.ratings(), SourceRatings.parse("out.csv", new StringReader(out.toString())));
  }
}
