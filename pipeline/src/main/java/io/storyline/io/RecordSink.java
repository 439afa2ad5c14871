package io.storyline.io;

import io.storyline.model.InputRecord;
import io.storyline.model.Rejected;

/**
 * Where a parser sends what it reads: every input record goes to exactly one of {@link #accept}
 * and {@link #reject}. Parts of a file that are not article records (a WARC archive's request or
 * metadata records) go to {@link #skip}, which only counts them.
 */
interface RecordSink {
  void accept(InputRecord record);

  void reject(Rejected rejected);

  /** Counts one part of a file that is not an article record, under the given counter name. */
  void skip(String counter);
}
