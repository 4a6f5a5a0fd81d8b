package dev.scs.speed.metrics;

/** Somewhere the metrics of each micro-batch go. A failure to report must not stop the stream. */
public interface MetricsReporter {
  void report(MicroBatchMetrics metrics);
}
