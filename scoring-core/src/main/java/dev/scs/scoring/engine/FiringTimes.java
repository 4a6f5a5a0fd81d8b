package dev.scs.scoring.engine;

import java.util.Arrays;

/**
 * The event times at which one rule (all its versions) fired for one citizen, kept only as long as
 * they can still block a later firing through a cooldown or a cap.
 */
final class FiringTimes {
  private long[] times = new long[4];
  private int size;
  private long latest = Long.MIN_VALUE;

  /** Cooldown: blocked when some firing f has {@code occurredAt - f < cooldown}. */
  boolean inCooldown(long occurredAt, long cooldownMillis) {
    // occurredAt - f < cooldown holds for some f exactly when it holds for the latest f.
    return cooldownMillis > 0 && size > 0 && latest > occurredAt - cooldownMillis;
  }

  /**
   * Cap: blocked when {@code max} or more firings f have {@code occurredAt - window < f <=
   * occurredAt}.
   */
  boolean capReached(long occurredAt, long max, long windowMillis) {
    long from = occurredAt - windowMillis;
    int count = 0;
    for (int i = 0; i < size; i++) {
      long f = times[i];
      if (f > from && f <= occurredAt) {
        count++;
      }
    }
    return count >= max;
  }

  void record(long occurredAt, long retentionMillis) {
    prune(Math.max(latest, occurredAt) - retentionMillis);
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
    }
    times[size++] = occurredAt;
    latest = Math.max(latest, occurredAt);
  }

  /** Drops firings at or before {@code horizon}: they can no longer block anything. */
  private void prune(long horizon) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (times[i] > horizon) {
        times[kept++] = times[i];
      }
    }
    size = kept;
  }

  long[] toArray() {
    return Arrays.copyOf(times, size);
  }

  static FiringTimes of(long[] values) {
    FiringTimes firingTimes = new FiringTimes();
    for (long value : values) {
      if (firingTimes.size == firingTimes.times.length) {
        firingTimes.times = Arrays.copyOf(firingTimes.times, firingTimes.size * 2);
      }
      firingTimes.times[firingTimes.size++] = value;
      firingTimes.latest = Math.max(firingTimes.latest, value);
    }
    return firingTimes;
  }
}
