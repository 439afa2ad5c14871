package io.storyline.report;

import io.storyline.io.ParquetTableReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;

/**
 * Compares the four tables (and the state and term counts) of two finished runs (e.g. the direct
 * runner's and Flink's), row for row and column for column, nested ones included; row order and file sharding do not matter.
 *
 * <pre>CompareTables OUTPUT_A OUTPUT_B</pre>
 *
 * Prints one line per table and exits with 1 when any table differs.
 */
public final class CompareTables {
  public static final List<String> TABLES =
      List.of("stories", "articles", "claims", "rejected", "state", "document_frequencies");
  private static final int SHOWN = 3;

  private CompareTables() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CompareTables OUTPUT_A OUTPUT_B");
      System.exit(2);
    }
    List<String> differences = differences(Path.of(args[0]), Path.of(args[1]), System.out);
    if (!differences.isEmpty()) {
      differences.forEach(System.out::println);
      System.exit(1);
    }
  }

  /** The differences between the two runs' tables; empty when they agree. */
  public static List<String> differences(Path a, Path b, PrintStream report)
      throws IOException {
    List<String> differences = new ArrayList<>();
    report.printf("%-20s %11s | %11s%n", "table", a.getFileName(), b.getFileName());
    for (String table : TABLES) {
      List<String> rowsA = rows(a, table);
      List<String> rowsB = rows(b, table);
      if (ParquetTableReader.files(a, table).isEmpty()
          || ParquetTableReader.files(b, table).isEmpty()) {
        differences.add(table + ": no Parquet files in one of the runs");
        continue;
      }
      List<String> onlyA = minus(rowsA, rowsB);
      List<String> onlyB = minus(rowsB, rowsA);
      report.printf("%-20s %6d rows | %6d rows  %s%n", table, rowsA.size(), rowsB.size(),
          onlyA.isEmpty() && onlyB.isEmpty() ? "same" : "DIFFERENT");
      for (String row : onlyA.subList(0, Math.min(SHOWN, onlyA.size()))) {
        differences.add(table + " only in " + a + ": " + row);
      }
      for (String row : onlyB.subList(0, Math.min(SHOWN, onlyB.size()))) {
        differences.add(table + " only in " + b + ": " + row);
      }
      if (onlyA.size() + onlyB.size() > 2 * SHOWN) {
        differences.add(table + ": " + onlyA.size() + " + " + onlyB.size() + " rows differ");
      }
    }
    return differences;
  }

  /** A table's rows as text (every column, nested ones included), sorted. */
  public static List<String> rows(Path output, String table) throws IOException {
    List<String> rows = new ArrayList<>();
    for (GenericRecord row : ParquetTableReader.readAll(output, table)) {
      rows.add(row.toString());
    }
    Collections.sort(rows);
    return rows;
  }

  /** The rows of {@code a} not matched one for one by a row of {@code b}. */
  private static List<String> minus(List<String> a, List<String> b) {
    List<String> left = new ArrayList<>();
    List<String> rest = new ArrayList<>(b);
    for (String row : a) {
      int at = Collections.binarySearch(rest, row);
      if (at >= 0) {
        rest.remove(at);
      } else {
        left.add(row);
      }
    }
    return left;
  }

  /** The distinct values of one column. */
  public static TreeSet<String> column(Path output, String table, String name) throws IOException {
    TreeSet<String> values = new TreeSet<>();
    for (GenericRecord row : ParquetTableReader.readAll(output, table)) {
      values.add(String.valueOf(row.get(name)));
    }
    return values;
  }
}
