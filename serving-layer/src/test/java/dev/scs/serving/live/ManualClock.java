package dev.scs.serving.live;

import java.util.function.LongSupplier;

/** A wall clock in milliseconds that moves only when the test says so. */
public final class ManualClock implements LongSupplier {
  private long millis;

  public ManualClock(long startMillis) {
    this.millis = startMillis;
  }

  public synchronized void advanceMillis(long delta) {
    millis += delta;
  }

  @Override
  public synchronized long getAsLong() {
    return millis;
  }
}
