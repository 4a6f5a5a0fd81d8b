package dev.scs.simulator.world;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from one seed. Each citizen, household and generator draws
 * from a stream named by its purpose and index, so that citizen 7 is the same person whatever the
 * population size, and adding a generator does not shift the numbers another one draws.
 */
public final class Seeds {
  private Seeds() {}

  /** A random stream for {@code (seed, purpose, index)}. */
  public static SplittableRandom stream(long seed, long purpose, long index) {
    return new SplittableRandom(mix(mix(mix(seed) ^ purpose) ^ index));
  }

  /** The SplitMix64 finaliser: a bijection that spreads every input bit over the output. */
  public static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
