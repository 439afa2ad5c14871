package io.storyline.io;

import io.storyline.model.InputRecord;
import io.storyline.model.Rejected;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link RecordSink} that keeps what it is given, for parser tests. */
final class CollectingSink implements RecordSink {
  final List<InputRecord> records = new ArrayList<>();
  final List<Rejected> rejected = new ArrayList<>();
  final Map<String, Integer> skipped = new TreeMap<>();

  @Override
  public void accept(InputRecord record) {
    records.add(record);
  }

  @Override
  public void reject(Rejected row) {
    rejected.add(row);
  }

  @Override
  public void skip(String counter) {
    skipped.merge(counter, 1, Integer::sum);
  }

  InputRecord onlyRecord() {
    if (records.size() != 1 || !rejected.isEmpty()) {
      throw new AssertionError("expected one record, got " + records + " and " + rejected);
    }
    return records.get(0);
  }

  Rejected onlyRejected() {
    if (rejected.size() != 1 || !records.isEmpty()) {
      throw new AssertionError("expected one rejected row, got " + records + " and " + rejected);
    }
    return rejected.get(0);
  }
}
