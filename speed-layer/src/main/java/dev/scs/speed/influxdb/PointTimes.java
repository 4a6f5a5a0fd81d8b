package dev.scs.speed.influxdb;

import java.nio.charset.StandardCharsets;

/**
 * A point's timestamp in nanoseconds: the event's millisecond, plus a part below the millisecond
 * that only the event_id decides.
 *
 * <p>InfluxDB keeps one point per measurement, tag set and timestamp. Tagging each point with its
 * event_id made them unique, but a tag value is a series: one new series per event, an index that
 * grows without bound (every event of 90 days) and a write path twice as costly. Here the tags are
 * bounded (citizen, type, rule) and two events of one citizen in the same millisecond still get
 * different timestamps, unless their event_ids also agree below the millisecond: a chance of one in
 * a million for events that already share citizen, type (or rule) and millisecond. The same event
 * always gets the same timestamp, so a rewritten micro-batch overwrites its own points.
 */
final class PointTimes {
  static final long NANOS_PER_MILLI = 1_000_000L;

  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private PointTimes() {}

  /** Nanoseconds since the epoch; fails on instants InfluxDB cannot store (past 2262). */
  static long nanos(long epochMillis, String eventId) {
    return Math.addExact(
        Math.multiplyExact(epochMillis, NANOS_PER_MILLI), belowTheMillisecond(eventId));
  }

  /** 0 to 999 999, from the event_id's UTF-8 bytes (FNV-1a, 64 bits): stable across JVMs. */
  static long belowTheMillisecond(String eventId) {
    long hash = FNV_OFFSET_BASIS;
    for (byte b : eventId.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return Long.remainderUnsigned(hash, NANOS_PER_MILLI);
  }
}
