package io.storyline.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Paths of the project's fixture corpora, from the module directory Maven runs tests in. */
public final class Fixtures {
  private Fixtures() {}

  public static String path(String corpus) {
    return root().resolve(corpus).toString();
  }

  private static Path root() {
    Path here = Paths.get("").toAbsolutePath();
    Path fixtures = here.resolveSibling("fixtures");
    return Files.isDirectory(fixtures) ? fixtures : here.resolve("fixtures");
  }
}
