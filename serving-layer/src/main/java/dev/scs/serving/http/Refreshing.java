package dev.scs.serving.http;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value read again at most once per refresh interval (the scoring config, the rules): they change
 * rarely, and reading them on every request would add a round trip to each.
 */
public final class Refreshing<T> implements Supplier<T> {
  private final Supplier<T> read;
  private final long refreshMillis;
  private final LongSupplier clock;
  private volatile T value;
  private volatile long readAt;

  public Refreshing(Supplier<T> read, long refreshMillis, LongSupplier clock) {
    this.read = read;
    this.refreshMillis = refreshMillis;
    this.clock = clock;
  }

  @Override
  public T get() {
    long now = clock.getAsLong();
    T current = value;
    if (current == null || now - readAt >= refreshMillis) {
      current = read.get();
      value = current;
      readAt = now;
    }
    return current;
  }

  /** Forgets the value, so the next {@link #get()} reads it (after a write through this server). */
  public void invalidate() {
    value = null;
  }
}
