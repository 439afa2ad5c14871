package io.storyline.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Paths of the project's fixture corpora, from the module directory Maven runs tests in. */
final class Fixtures {
  private Fixtures() {}

  static String path(String corpus) {
    return root().resolve(corpus).toString();
  }

  static List<String> files(String corpus) {
    try (Stream<Path> files = Files.list(root().resolve(corpus))) {
      return files.map(Path::toString).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    Path here = Paths.get("").toAbsolutePath();
    Path fixtures = here.resolveSibling("fixtures");
    return Files.isDirectory(fixtures) ? fixtures : here.resolve("fixtures");
  }
}
