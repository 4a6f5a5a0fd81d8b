package dev.scs.simulator.events;

import java.time.Clock;
import java.util.NoSuchElementException;

/** {@code count} events that occur as they are made: each at the clock's current instant. */
final class LiveSchedule implements Schedule {
  private final Clock clock;
  private final long count;
  private long emitted;
  private long latest = Long.MIN_VALUE;

  LiveSchedule(Clock clock, long count) {
    this.clock = clock;
    this.count = count;
  }

  @Override
  public boolean hasNext() {
    return emitted < count;
  }

  @Override
  public long next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    emitted++;
    // Never backwards, even if the wall clock is adjusted mid-run.
    latest = Math.max(latest, clock.millis());
    return latest;
  }
}
