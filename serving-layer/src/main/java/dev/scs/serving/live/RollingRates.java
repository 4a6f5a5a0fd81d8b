package dev.scs.serving.live;

import java.util.Arrays;

/**
 * Counts of score updates and firings per second over a sliding window (one minute in the feed),
 * kept as one bucket per second in a ring. Not thread-safe: the feed's thread is its only user.
 *
 * <p>The rate divides by the seconds the window covers so far, so the first seconds after start do
 * not read as a slow minute.
 */
public final class RollingRates {
  private final int windowSeconds;
  private final long[] updates;
  private final long[] firings;
  private final long startSecond;
  // The second each bucket currently holds; a bucket from an older round of the ring is stale.
  private final long[] bucketSecond;
  private long updatesTotal;
  private long firingsTotal;

  public RollingRates(int windowSeconds, long nowMillis) {
    if (windowSeconds < 1) {
      throw new IllegalArgumentException("the window must be at least one second");
    }
    this.windowSeconds = windowSeconds;
    this.updates = new long[windowSeconds];
    this.firings = new long[windowSeconds];
    this.bucketSecond = new long[windowSeconds];
    this.startSecond = Math.floorDiv(nowMillis, 1000);
    Arrays.fill(bucketSecond, Long.MIN_VALUE);
  }

  /** Counts one score update that added {@code newFirings} firings at {@code nowMillis}. */
  public void record(long nowMillis, long newFirings) {
    int bucket = bucketFor(Math.floorDiv(nowMillis, 1000));
    updates[bucket]++;
    firings[bucket] += newFirings;
    updatesTotal++;
    firingsTotal += newFirings;
  }

  private int bucketFor(long second) {
    int bucket = (int) Math.floorMod(second, windowSeconds);
    if (bucketSecond[bucket] != second) {
      bucketSecond[bucket] = second;
      updates[bucket] = 0;
      firings[bucket] = 0;
    }
    return bucket;
  }

  /** Rates over the window ending at {@code nowMillis}, and the totals since start. */
  public Rates rates(long nowMillis) {
    long now = Math.floorDiv(nowMillis, 1000);
    long oldest = now - windowSeconds + 1;
    long updatesInWindow = 0;
    long firingsInWindow = 0;
    for (int bucket = 0; bucket < windowSeconds; bucket++) {
      if (bucketSecond[bucket] >= oldest && bucketSecond[bucket] <= now) {
        updatesInWindow += updates[bucket];
        firingsInWindow += firings[bucket];
      }
    }
    // The current second counts as a whole one, so a burst reads as at most its size per second.
    long covered = Math.max(1, Math.min(windowSeconds, now - startSecond + 1));
    return new Rates(
        (double) updatesInWindow / covered,
        (double) firingsInWindow / covered,
        (int) covered,
        updatesTotal,
        firingsTotal);
  }

  /**
   * @param updatesPerSecond score-update records per second: one per citizen touched by a
   *     micro-batch, so a lower bound of the events per second that reach the speed layer
   * @param firingsPerSecond rule firings per second, from the growth of each citizen's firing count
   * @param windowSeconds the seconds the rates cover (less than the window just after start)
   */
  public record Rates(
      double updatesPerSecond,
      double firingsPerSecond,
      int windowSeconds,
      long updatesTotal,
      long firingsTotal) {}
}
