package io.storyline.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.storyline.io.ParquetTableReader;
import io.storyline.pipeline.StorylineOptions;
import io.storyline.pipeline.StorylinePipeline;
import io.storyline.tools.Fixtures;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The HTML report as a person sees it: headless Chromium opens the story pages from the file
 * system, offline, and the rendered DOM shows the headline, the bar's counts and every value of
 * every contested claim. A screenshot of each page is kept under {@code target/report-screenshots}.
 * Skipped where no {@code chromium} is installed; {@code .ci/run} installs it.
 */
public class HtmlReportBrowserTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void storyPagesRenderInHeadlessChromium() throws Exception {
    String chromium = chromium();
    assumeTrue("no chromium on PATH", chromium != null);
    Path out = temp.newFolder("out").toPath();
    StorylineOptions options = PipelineOptionsFactory.create().as(StorylineOptions.class);
    options.setInput(Fixtures.path("coverage"));
    options.setSourceRatings(Fixtures.path("ratings") + "/made-up-outlets.csv");
    options.setOutput(out.toString());
    assertEquals(PipelineResult.State.DONE, StorylinePipeline.run(options).waitUntilFinish());
    Path report = out.resolve("report");
    HtmlReport.write(out, report);

    List<GenericRecord> stories = ParquetTableReader.readAll(out, "stories");
    List<GenericRecord> claims = ParquetTableReader.readAll(out, "claims");
    Path shots = Paths.get("target", "report-screenshots");
    Files.createDirectories(shots);
    int contestedValues = 0;
    for (GenericRecord s : stories) {
      String id = s.get("story_id").toString();
      Path page = report.resolve("story-" + id + ".html");
      String dom = render(chromium, page, "--dump-dom");
      assertTrue(dom, dom.contains(HtmlEscape.of(s.get("headline").toString())));
      int left = (Integer) s.get("left_sources");
      int center = (Integer) s.get("center_sources");
      int right = (Integer) s.get("right_sources");
      int rated = left + center + right;
      assertTrue(dom, dom.contains("Left " + left + " · " + percent(left, rated) + "%"));
      assertTrue(dom, dom.contains("Center " + center + " · " + percent(center, rated) + "%"));
      assertTrue(dom, dom.contains("Right " + right + " · " + percent(right, rated) + "%"));
      for (GenericRecord c : claims) {
        if (c.get("story_id").toString().equals(id) && Boolean.TRUE.equals(c.get("contested"))) {
          for (Object v : (List<?>) c.get("variants")) {
            String value = ((GenericRecord) v).get("value").toString();
            assertTrue(value, dom.contains("<th class=\"value\">" + HtmlEscape.of(value) + "</th>"));
            contestedValues++;
          }
        }
      }
      Path shot = shots.resolve("story-" + id + ".png").toAbsolutePath();
      render(chromium, page, "--screenshot=" + shot, "--window-size=1000,1400");
      assertTrue(Files.size(shot) > 1000);
    }
    // The fixture's ISS story disputes where the meeting was.
    assertTrue(contestedValues >= 2);
    String index = render(chromium, report.resolve("index.html"), "--dump-dom");
    for (GenericRecord s : stories) {
      assertTrue(index.contains(HtmlEscape.of(s.get("headline").toString())));
    }
  }

  private static long percent(int n, int of) {
    return of == 0 ? 0 : Math.round(100.0 * n / of);
  }

  private String render(String chromium, Path page, String... what) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic",
        "--user-data-dir=" + temp.newFolder()));
    command.addAll(List.of(what));
    command.add(page.toUri().toString());
    Path dump = temp.newFile().toPath();
    Process p = new ProcessBuilder(command).redirectOutput(dump.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue("chromium did not finish", p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    return Files.readString(dump, StandardCharsets.UTF_8);
  }

  private static String chromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return null;
  }

  /** The page's escaping, as Chromium serializes text back (quotes in text stay as they are). */
  private static final class HtmlEscape {
    static String of(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }
}
