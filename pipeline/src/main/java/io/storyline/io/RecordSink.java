package io.storyline.io;

import io.storyline.model.InputRecord;
import io.storyline.model.Rejected;

/** Where a parser sends what it reads: every input record goes to exactly one of the two. */
interface RecordSink {
  void accept(InputRecord record);

  void reject(Rejected rejected);
}
