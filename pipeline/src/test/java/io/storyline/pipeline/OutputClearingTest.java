package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What {@code scripts/run-local.sh} (and {@code run-flink.sh}, through {@code clear_output} of
 * {@code scripts/common.sh}) does to an output folder before a run: it empties only a folder the
 * job marked as its own, and only of what a run writes; any other non-empty folder is refused with
 * nothing deleted.
 */
public class OutputClearingTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private Path scripts;

  /** What a script run gave: its exit status and its standard error. */
  private record Outcome(int status, String stderr) {}

  @Before
  public void findScripts() {
    Path here = Paths.get("").toAbsolutePath();
    Path dir = here.resolveSibling("scripts");
    scripts = Files.isDirectory(dir) ? dir : here.resolve("scripts");
    assumeTrue("bash and the scripts are here",
        new File("/bin/bash").canExecute() && Files.isRegularFile(scripts.resolve("common.sh")));
  }

  private Outcome bash(Path cwd, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(cwd.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue("the script ended", p.waitFor(60, TimeUnit.SECONDS));
    return new Outcome(p.exitValue(), stderr);
  }

  private Outcome clearOutput(Path output) throws Exception {
    return bash(temp.getRoot().toPath(), "/bin/bash", "-c",
        "source \"$1\" && clear_output \"$2\"", "clear", scripts.resolve("common.sh").toString(),
        output.toString());
  }

  private static List<String> entries(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.map(p -> dir.relativize(p).toString()).filter(s -> !s.isEmpty()).sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  public void runLocalRefusesTheCurrentFolderWhenItIsNotAnEarlierOutput() throws Exception {
    Path cwd = temp.newFolder("someones-folder").toPath();
    Files.writeString(cwd.resolve("keep.txt"), "precious");
    // A folder named like a table is not proof of an earlier output.
    Files.createDirectories(cwd.resolve("articles"));
    Files.writeString(cwd.resolve("articles/page.txt"), "a page");
    List<String> before = entries(cwd);

    Outcome run = bash(cwd, "/bin/bash", scripts.resolve("run-local.sh").toString(), "--output=.");
    assertEquals(run.stderr(), 1, run.status());
    assertTrue(run.stderr(), run.stderr().contains("not an earlier Storyline output"));
    assertTrue(run.stderr(), run.stderr().contains("nothing was deleted or run"));
    assertEquals(before, entries(cwd));
  }

  @Test
  public void anEarlierOutputLosesOnlyWhatARunWrites() throws Exception {
    Path out = temp.newFolder("out").toPath();
    Files.writeString(out.resolve(OutputMarker.NAME), OutputMarker.TEXT);
    for (String table : List.of("stories", "articles", "claims", "rejected")) {
      Files.createDirectories(out.resolve(table));
      Files.writeString(out.resolve(table + "/part-00000-of-00001.parquet"), "old");
    }
    Files.writeString(out.resolve("notes.txt"), "mine");

    Outcome cleared = clearOutput(out);
    assertEquals(cleared.stderr(), 0, cleared.status());
    assertEquals(List.of("notes.txt"), entries(out));
    assertTrue(cleared.stderr(), cleared.stderr().contains("left alone"));
  }

  @Test
  public void aMissingOrEmptyFolderIsFineAndAFileIsRefused() throws Exception {
    Path missing = temp.getRoot().toPath().resolve("not-yet");
    assertEquals(0, clearOutput(missing).status());
    assertFalse(Files.exists(missing));

    Path empty = temp.newFolder("empty").toPath();
    assertEquals(0, clearOutput(empty).status());
    assertTrue(Files.isDirectory(empty));

    Path file = temp.newFile("a-file").toPath();
    Files.writeString(file, "data");
    Outcome refused = clearOutput(file);
    assertEquals(1, refused.status());
    assertEquals("data", Files.readString(file));
  }

  @Test
  public void aMarkerOfAnotherNameDoesNotCount() throws Exception {
    Path out = temp.newFolder("lookalike").toPath();
    Files.writeString(out.resolve("_storyline"), OutputMarker.TEXT);
    Files.createDirectories(out.resolve("stories"));
    List<String> before = entries(out);
    assertEquals(1, clearOutput(out).status());
    assertEquals(before, entries(out));
  }
}
