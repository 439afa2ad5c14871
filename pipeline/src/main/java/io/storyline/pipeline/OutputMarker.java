package io.storyline.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * The file {@value #NAME} at the root of an output folder: it says the folder is a Storyline
 * output, so that {@code scripts/run-local.sh} and {@code run-flink.sh} may remove the tables of
 * an earlier run there, and refuse to touch a folder without it. It is written when the job is
 * launched, before any table, so a run that fails part-way still leaves a folder marked as its own.
 */
final class OutputMarker {
  /** The marker's file name. */
  static final String NAME = "_STORYLINE";

  static final String TEXT =
      "This folder is a Storyline output: the tables stories/, articles/, claims/ and rejected/"
          + " (Parquet).\nscripts/run-local.sh and scripts/run-flink.sh remove those tables before"
          + " writing new ones only where this file is present.\n";

  private OutputMarker() {}

  /** Writes the marker under {@code output} (any Beam filesystem), creating the folder locally. */
  static void write(String output) throws IOException {
    ResourceId marker =
        FileSystems.matchNewResource(output, true)
            .resolve(NAME, StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream out =
        Channels.newOutputStream(FileSystems.create(marker, MimeTypes.TEXT))) {
      out.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
  }
}
