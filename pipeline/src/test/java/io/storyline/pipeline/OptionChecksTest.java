package io.storyline.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.storyline.pipeline.OptionChecks.InvalidOptionException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Options that cannot work are refused before any work, with a message naming the option. */
public class OptionChecksTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static StorylineOptions options(String input, String output) {
    StorylineOptions options = PipelineOptionsFactory.create().as(StorylineOptions.class);
    options.setInput(input);
    options.setOutput(output);
    return options;
  }

  private static String refusal(StorylineOptions options) {
    InvalidOptionException e =
        assertThrows(InvalidOptionException.class, () -> OptionChecks.check(options));
    assertFalse(e.getMessage(), e.getMessage().contains("\n"));
    return e.getMessage();
  }

  private String freshOutput() {
    return new File(temp.getRoot(), "out-" + System.nanoTime()).toString();
  }

  @Test
  public void aPreviousOutputNeedsAStateTableAndCannotBeThisRunsOutput() throws Exception {
    StorylineOptions options = options(Fixtures.path("sample"), freshOutput());
    File previous = temp.newFolder("previous");
    options.setPreviousOutput(previous.toString());
    String message = refusal(options);
    assertTrue(message, message.startsWith("--previousOutput ") && message.contains("state"));
    File state = new File(previous, "state");
    assertTrue(state.mkdir());
    assertTrue(new File(state, "part-00000-of-00001.parquet").createNewFile());
    OptionChecks.check(options);
    options.setOutput(previous + "/.");
    message = refusal(options);
    assertTrue(message, message.contains("is the --output of this run"));
  }

  @Test
  public void aNegativeStoryWindowIsRefused() {
    StorylineOptions options = options(Fixtures.path("sample"), freshOutput());
    options.setStoryWindowDays(-1);
    assertTrue(refusal(options).startsWith("--storyWindowDays"));
  }

  @Test
  public void fixtureInputsAndANewOutputFolderPass() throws Exception {
    String output = freshOutput();
    OptionChecks.check(options(Fixtures.path("sample") + "," + Fixtures.path("jsonl"), output));
    // The check leaves nothing behind: the folder is the job's to create.
    assertFalse(new File(output).exists());
  }

  @Test
  public void inputThatMatchesNoFileIsRefused() throws Exception {
    File empty = temp.newFolder("empty");
    String message = refusal(options(empty.toString(), freshOutput()));
    assertTrue(message, message.startsWith("--input matches no file"));
    message = refusal(options(empty + "/*.jsonl," + empty + "/*.txt", freshOutput()));
    assertTrue(message, message.startsWith("--input matches no file"));
  }

  @Test
  public void aNamedFileThatDoesNotExistIsRefusedEvenBesideGoodInput() {
    String missing = Fixtures.path("jsonl") + "/no-such-file.jsonl";
    String message = refusal(options(Fixtures.path("sample") + "," + missing, freshOutput()));
    assertTrue(message, message.startsWith("--input names a file that does not exist"));
    assertTrue(message, message.contains(missing));
  }

  @Test
  public void aWildcardThatMatchesNothingIsFineBesideOneThatMatches() throws Exception {
    OptionChecks.check(
        options(Fixtures.path("sample") + "/*.warc.gz," + Fixtures.path("sample"), freshOutput()));
  }

  @Test
  public void inputOfOnlyCommasIsRefused() {
    String message = refusal(options(" , ,", freshOutput()));
    assertTrue(message, message.startsWith("--input names no file pattern"));
  }

  @Test
  public void outputUnderAFileIsRefused() throws Exception {
    File file = temp.newFile("notes.txt");
    String message = refusal(options(Fixtures.path("sample"), file + "/out"));
    assertTrue(message, message.startsWith("--output " + file + "/out is under the file " + file));
    message = refusal(options(Fixtures.path("sample"), file.toString()));
    assertTrue(message, message.startsWith("--output " + file + " is a file"));
  }

  @Test
  public void outputInAFolderThatCannotBeWrittenIsRefused() throws Exception {
    Path readOnly = readOnlyFolder();
    String output = readOnly.resolve("storyline-out").toString();
    String message = refusal(options(Fixtures.path("sample"), output));
    assertTrue(message, message.startsWith("--output " + output + " cannot be written"));
    // The probe gs:// and s3:// outputs get, through Beam's filesystems (here the local one).
    InvalidOptionException e =
        assertThrows(InvalidOptionException.class, () -> OptionChecks.probe(output));
    assertTrue(e.getMessage(), e.getMessage().startsWith("--output " + output + " cannot be written"));
  }

  @Test
  public void aProbeThroughBeamsFilesystemsLeavesNothingBehind() throws Exception {
    File out = temp.newFolder("probed");
    OptionChecks.probe(out.toString());
    try (Stream<Path> left = Files.list(out.toPath())) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  public void outputInsideOrEqualToAnInputFolderIsRefused() throws Exception {
    File in = temp.newFolder("in");
    Files.writeString(in.toPath().resolve("a.txt"), "Some page.\n", StandardCharsets.UTF_8);
    String message = refusal(options(in.toString(), in.toString()));
    assertTrue(message, message.startsWith("--output " + in + " is the input folder " + in));
    message = refusal(options(in.toString(), in + "/out"));
    assertTrue(message, message.startsWith("--output " + in + "/out is inside the input folder"));
    // A pattern's folder, and the same folder spelled another way.
    message = refusal(options(in + "/*.txt", temp.getRoot() + "/./in/../in/tables"));
    assertTrue(message, message.contains("is inside the input folder " + in));
    // Beside the input is fine, and so is a folder next to a single input file.
    OptionChecks.check(options(in.toString(), temp.getRoot() + "/in-tables"));
    OptionChecks.check(options(in + "/a.txt", in + "/tables"));
  }

  @Test
  public void theOutputFolderCannotBeReachedThroughALinkToTheInput() throws Exception {
    File in = temp.newFolder("linked-in");
    Files.writeString(in.toPath().resolve("a.txt"), "Some page.\n", StandardCharsets.UTF_8);
    Path link = Files.createSymbolicLink(temp.getRoot().toPath().resolve("link"), in.toPath());
    String message = refusal(options(in.toString(), link + "/out"));
    assertTrue(message, message.contains("is inside the input folder " + in));
  }

  @Test
  public void mainExitsNonZeroWithOneLineBeforeAnyWork() throws Exception {
    File empty = temp.newFolder("nothing-here");
    String output = freshOutput();
    Process job =
        new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                StorylinePipeline.class.getName(),
                "--input=" + empty, "--output=" + output)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String stderr = new String(job.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(job.waitFor(120, TimeUnit.SECONDS));
    assertEquals(stderr, 2, job.exitValue());
    assertEquals(
        "storyline: --input matches no file: " + empty + "/*", stderr.strip());
    assertFalse("nothing was written", new File(output).exists());
  }

  @Test
  public void mainMarksTheOutputFolderAsItsOwn() throws Exception {
    File out = temp.newFolder("marked");
    StorylinePipeline.main(
        new String[] {"--input=" + Fixtures.path("jsonl"), "--output=" + out});
    Path marker = out.toPath().resolve(OutputMarker.NAME);
    assertEquals(OutputMarker.TEXT, Files.readString(marker, StandardCharsets.UTF_8));
    for (String table : List.of("stories", "articles", "claims", "rejected")) {
      assertTrue(table, Files.isDirectory(out.toPath().resolve(table)));
    }
  }

  /** A folder in which this process cannot create anything. */
  private Path readOnlyFolder() throws IOException {
    Path dir = temp.newFolder("read-only").toPath();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    if (!canCreateIn(dir)) {
      return dir;
    }
    // File permissions do not bind root; sysfs refuses new entries to everyone.
    Path sys = Paths.get("/sys");
    assumeTrue("no folder here refuses new files", Files.isDirectory(sys) && !canCreateIn(sys));
    return sys;
  }

  private static boolean canCreateIn(Path dir) {
    try {
      Files.delete(Files.createTempDirectory(dir, "probe"));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
