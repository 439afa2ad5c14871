package io.storyline.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.storyline.io.ReadStateTable;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Checks, before the pipeline is built, that {@code --input} and {@code --output} can do what they
 * say: the input patterns match files, the output folder can be written, and the output is not
 * inside a folder the job reads. Each failure is one {@link InvalidOptionException} naming the
 * option, which {@code main} prints as one line before exiting non-zero: a job that would read
 * nothing, or fail only when its first table is written, never starts.
 *
 * <p>The checks run where the job is launched, so the launcher must see the paths: a local path
 * is checked on the launching machine, a {@code gs://} or {@code s3://} one with its credentials.
 */
final class OptionChecks {
  private static final String PROBE_PREFIX = ".storyline-probe-";

  private OptionChecks() {}

  /** An option that cannot work, with a one-line message that names it. */
  static final class InvalidOptionException extends Exception {
    InvalidOptionException(String message) {
      super(message);
    }
  }

  /** Runs every check; the first that fails throws. */
  static void check(StorylineOptions options) throws InvalidOptionException {
    // Registers the filesystems (gs://, s3://) the options configure; Pipeline.create does the
    // same later.
    FileSystems.setDefaultPipelineOptions(options);
    List<String> patterns = StorylinePipeline.inputPatterns(options.getInput());
    checkInput(options.getInput(), patterns);
    String output = options.getOutput();
    if (output != null && !output.isBlank()) {
      checkOutputOutsideInputs(output.strip(), patterns);
      checkOutputWritable(output.strip());
    }
    if (options.getStoryWindowDays() < 0) {
      throw new InvalidOptionException(
          "--storyWindowDays must be 0 or more: " + options.getStoryWindowDays());
    }
    String previous = options.getPreviousOutput();
    if (previous != null && !previous.isBlank()) {
      checkPreviousOutput(previous.strip(), output == null ? null : output.strip());
    }
  }

  /**
   * The previous output holds a state table to continue from, and is not this run's output: the
   * run would replace the state it reads.
   */
  static void checkPreviousOutput(String previous, @Nullable String output)
      throws InvalidOptionException {
    if (output != null && !output.isEmpty() && sameFolder(previous, output)) {
      throw new InvalidOptionException(
          "--previousOutput " + previous + " is the --output of this run: write each night's"
              + " tables to a folder of its own");
    }
    String pattern = ReadStateTable.pattern(previous);
    List<MatchResult.Metadata> files;
    try {
      MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
      files = match.status() == MatchResult.Status.OK ? match.metadata() : List.of();
    } catch (IOException | RuntimeException e) {
      throw new InvalidOptionException(
          "--previousOutput " + previous + " cannot be listed: " + oneLine(e));
    }
    if (files.isEmpty()) {
      throw new InvalidOptionException(
          "--previousOutput " + previous + " has no state table (" + pattern
              + "): give the --output of an earlier run");
    }
  }

  private static boolean sameFolder(String a, String b) {
    Path pa = localPath(a);
    Path pb = localPath(b);
    if (pa != null && pb != null) {
      return realPath(pa).equals(realPath(pb));
    }
    return a.replaceAll("/+$", "").equals(b.replaceAll("/+$", ""));
  }

  /**
   * Every pattern without a wildcard names something that exists (the reader would otherwise fail
   * on it mid-job), and the patterns together match at least one file.
   */
  static void checkInput(String input, List<String> patterns) throws InvalidOptionException {
    if (patterns.isEmpty()) {
      throw new InvalidOptionException("--input names no file pattern: '" + input + "'");
    }
    long files = 0;
    for (String pattern : patterns) {
      MatchResult match;
      List<MatchResult.Metadata> matched;
      try {
        match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
        matched = match.status() == MatchResult.Status.OK ? match.metadata() : List.of();
      } catch (IOException | RuntimeException e) {
        throw new InvalidOptionException(
            "--input pattern " + pattern + " cannot be listed: " + oneLine(e));
      }
      if (match.status() == MatchResult.Status.ERROR) {
        throw new InvalidOptionException("--input pattern " + pattern + " cannot be listed");
      }
      if (matched.isEmpty() && !hasWildcard(pattern)) {
        throw new InvalidOptionException("--input names a file that does not exist: " + pattern);
      }
      files += matched.size();
    }
    if (files == 0) {
      throw new InvalidOptionException("--input matches no file: " + String.join(",", patterns));
    }
  }

  /**
   * The output is neither a folder the input reads nor inside one: the job would read its own
   * tables on the next run, and emptying the output before a run would delete input. A folder the
   * input reads is a local folder named in {@code --input} or the fixed part of a local pattern
   * ({@code /data/in} of {@code /data/in/*.txt}).
   */
  static void checkOutputOutsideInputs(String output, List<String> patterns)
      throws InvalidOptionException {
    Path out = localPath(output);
    if (out == null) {
      return;
    }
    Path outReal = realPath(out);
    for (String pattern : patterns) {
      Path folder = inputFolder(pattern);
      if (folder == null) {
        continue;
      }
      Path folderReal = realPath(folder);
      if (outReal.startsWith(folderReal)) {
        throw new InvalidOptionException(
            "--output " + output + (outReal.equals(folderReal) ? " is" : " is inside")
                + " the input folder " + folder
                + ": the job would read its own tables; write them elsewhere");
      }
    }
  }

  /**
   * The output folder can be written: locally, it or its nearest existing parent is a folder in
   * which a file can be created; elsewhere, a probe object can be written under it and removed.
   */
  static void checkOutputWritable(String output) throws InvalidOptionException {
    if (!output.contains("://")) {
      checkLocalOutput(output, Paths.get(output).toAbsolutePath().normalize());
    } else {
      probe(output);
    }
  }

  /** Writes a small object under {@code output} through Beam's filesystems, and removes it. */
  static void probe(String output) throws InvalidOptionException {
    ResourceId probe;
    try {
      probe =
          FileSystems.matchNewResource(output, true)
              .resolve(PROBE_PREFIX + UUID.randomUUID(), StandardResolveOptions.RESOLVE_FILE);
    } catch (RuntimeException e) {
      throw new InvalidOptionException("--output " + output + " is not a usable path: "
          + oneLine(e));
    }
    try (WritableByteChannel channel = FileSystems.create(probe, MimeTypes.BINARY);
        OutputStream out = Channels.newOutputStream(channel)) {
      out.write("probe".getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new InvalidOptionException("--output " + output + " cannot be written: "
          + oneLine(e));
    }
    try {
      FileSystems.delete(List.of(probe));
    } catch (IOException | RuntimeException e) {
      throw new InvalidOptionException("--output " + output + " is written but a file under it"
          + " cannot be removed (" + probe + "): " + oneLine(e));
    }
  }

  private static void checkLocalOutput(String output, Path path) throws InvalidOptionException {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new InvalidOptionException("--output " + output + " has no existing parent folder");
    }
    if (!Files.isDirectory(existing)) {
      throw new InvalidOptionException(
          "--output " + output + (existing.equals(path) ? " is a file" : " is under the file "
              + existing) + ", not a folder");
    }
    // Creating (and removing) a folder where the job would create its own is the one test that
    // answers for permissions, read-only mounts and quotas alike.
    try {
      Files.delete(Files.createTempDirectory(existing, PROBE_PREFIX));
    } catch (IOException | RuntimeException e) {
      throw new InvalidOptionException("--output " + output + " cannot be written: "
          + (existing.equals(path) ? "" : "cannot create folders in " + existing + ": ")
          + oneLine(e));
    }
  }

  /** The local path of an output or pattern without a scheme, else null. */
  static @Nullable Path localPath(String location) {
    if (location.contains("://")) {
      return null;
    }
    return Paths.get(location).toAbsolutePath().normalize();
  }

  /** The fixed folder of a local pattern with a wildcard, or null for a file or a remote one. */
  static @Nullable Path inputFolder(String pattern) {
    int wildcard = firstWildcard(pattern);
    if (wildcard < 0) {
      return null;
    }
    int slash = pattern.lastIndexOf('/', wildcard);
    String folder = slash < 0 ? "." : slash == 0 ? "/" : pattern.substring(0, slash);
    return localPath(folder);
  }

  private static boolean hasWildcard(String pattern) {
    return firstWildcard(pattern) >= 0;
  }

  private static int firstWildcard(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The path with symbolic links resolved as far as it exists, so that {@code out} and {@code
   * ./out}, or a link to a folder and the folder, compare equal.
   */
  private static Path realPath(Path path) {
    Path existing = path;
    List<Path> missing = new ArrayList<>();
    while (existing != null && !Files.exists(existing)) {
      missing.add(0, existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (IOException e) {
      real = existing;
    }
    for (Path name : missing) {
      real = real.resolve(name);
    }
    return real;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
