package io.storyline.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Flink configuration Storyline runs with when none is given. */
final class FlinkDefaults {
  /** Flat keys, valid YAML: Flink 1.19 reads {@code config.yaml}. */
  static final String CONFIG =
      "# A global combine's accumulator grows with the corpus: let the sorter spill a record\n"
          + "# larger than its buffer instead of failing the job.\n"
          + "taskmanager.runtime.large-record-handler: true\n";

  private FlinkDefaults() {}

  /** Writes the configuration to a new temporary folder and returns the folder. */
  static String writeConfigDir() {
    try {
      Path dir = Files.createTempDirectory("storyline-flink-conf");
      Path file = dir.resolve("config.yaml");
      Files.writeString(file, CONFIG, StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return dir.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the default Flink configuration", e);
    }
  }
}
