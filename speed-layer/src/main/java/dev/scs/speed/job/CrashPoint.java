package dev.scs.speed.job;

/**
 * Where recovery tests stop the JVM as {@code kill -9} would: {@link Runtime#halt} runs no shutdown
 * hook and flushes nothing. Only a test sets the property, on a speed layer it runs as a child
 * process; unset (always, in production) this does nothing.
 */
final class CrashPoint {
  /** Halts once every sink wrote this micro-batch, before Spark records its commit. */
  static final String AFTER_SINKS_OF_BATCH = "scs.speed.test.halt-after-sinks-of-batch";

  private CrashPoint() {}

  static void afterSinks(long batchId) {
    if (String.valueOf(batchId).equals(System.getProperty(AFTER_SINKS_OF_BATCH))) {
      Runtime.getRuntime().halt(137);
    }
  }
}
