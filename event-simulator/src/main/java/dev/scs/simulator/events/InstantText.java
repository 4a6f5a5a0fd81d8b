package dev.scs.simulator.events;

import java.time.LocalDate;

/**
 * Formats epoch milliseconds as RFC 3339 UTC with milliseconds ({@code 2026-03-01T12:00:00.123Z}),
 * caching the date part: events come in time order, so most share the day of the one before, and
 * this is several times cheaper than a DateTimeFormatter. One instance per thread.
 */
final class InstantText {
  private static final long DAY_MILLIS = 86_400_000L;

  private long cachedDay = Long.MIN_VALUE;
  private String cachedDate;

  String format(long epochMillis) {
    StringBuilder text = new StringBuilder(24);
    append(text, epochMillis);
    return text.toString();
  }

  void append(StringBuilder text, long epochMillis) {
    long day = Math.floorDiv(epochMillis, DAY_MILLIS);
    int millisOfDay = (int) Math.floorMod(epochMillis, DAY_MILLIS);
    if (day != cachedDay) {
      cachedDate = LocalDate.ofEpochDay(day) + "T";
      cachedDay = day;
    }
    text.append(cachedDate);
    twoDigits(text, millisOfDay / 3_600_000);
    text.append(':');
    twoDigits(text, millisOfDay / 60_000 % 60);
    text.append(':');
    twoDigits(text, millisOfDay / 1000 % 60);
    text.append('.');
    int millis = millisOfDay % 1000;
    text.append((char) ('0' + millis / 100));
    twoDigits(text, millis % 100);
    text.append('Z');
  }

  private static void twoDigits(StringBuilder text, int value) {
    text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
