package dev.scs.scoring.engine;

/** Exponential decay by half-life, the one formula of the contract's section 5. */
public final class Decay {
  private Decay() {}

  /** {@code value * 2^(-elapsed / halfLife)}, both in milliseconds; elapsed may be negative. */
  public static double decay(double value, long elapsedMillis, long halfLifeMillis) {
    if (elapsedMillis == 0) {
      return value;
    }
    return value * Math.pow(2.0, -((double) elapsedMillis) / (double) halfLifeMillis);
  }
}
