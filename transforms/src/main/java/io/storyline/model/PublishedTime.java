package io.storyline.model;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.DateTimeZone;
import org.joda.time.Instant;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.ISODateTimeFormat;

/** Parses the published times found in inputs: ISO-8601 dates and date-times, UTC when unzoned. */
public final class PublishedTime {
  private static final DateTimeFormatter ISO =
      ISODateTimeFormat.dateTimeParser().withOffsetParsed().withZone(DateTimeZone.UTC);

  private PublishedTime() {}

  /** The instant, or null when the value is missing or not an ISO-8601 date or date-time. */
  public static @Nullable Instant parse(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    // "2024-05-01 10:00:00" is common in exports: treat the space as the ISO 'T'.
    if (text.length() > 10 && text.charAt(10) == ' ') {
      text = text.substring(0, 10) + 'T' + text.substring(11);
    }
    try {
      return ISO.parseDateTime(text).toInstant();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
