package io.storyline.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;

/** Reads a table the job wrote ({@code OUTPUT/TABLE/*.parquet}) from local disk, row by row. */
public final class ParquetTableReader {
  private ParquetTableReader() {}

  /** The table's Parquet files in name order; empty when the folder is missing. */
  public static List<Path> files(Path outputDir, String table) throws IOException {
    Path folder = outputDir.resolve(table);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.parquet")) {
        stream.forEach(files::add);
      }
    }
    Collections.sort(files);
    return files;
  }

  /** Sends every row of the given files, in order, to {@code rows}. */
  public static void read(List<Path> files, Consumer<GenericRecord> rows) throws IOException {
    Configuration conf = new Configuration(false);
    for (Path file : files) {
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(new LocalParquetInputFile(file))
              .withDataModel(GenericData.get())
              .withConf(conf)
              .build()) {
        GenericRecord row;
        while ((row = reader.read()) != null) {
          rows.accept(row);
        }
      }
    }
  }

  /** Every row of a table. */
  public static List<GenericRecord> readAll(Path outputDir, String table) throws IOException {
    List<GenericRecord> rows = new ArrayList<>();
    read(files(outputDir, table), rows::add);
    return rows;
  }
}
