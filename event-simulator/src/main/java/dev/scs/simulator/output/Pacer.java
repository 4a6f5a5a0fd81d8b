package dev.scs.simulator.output;

import java.util.concurrent.locks.LockSupport;

/** Holds a run to a rate: after n records, waits until n / rate seconds have passed. */
public final class Pacer {
  private final double perSecond;
  private final long started = System.nanoTime();

  /** {@code perSecond} of 0 or less means as fast as possible. */
  public Pacer(double perSecond) {
    this.perSecond = perSecond;
  }

  public void await(long sent) {
    if (perSecond <= 0) {
      return;
    }
    long due = started + (long) (sent / perSecond * 1e9);
    long wait;
    while ((wait = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
