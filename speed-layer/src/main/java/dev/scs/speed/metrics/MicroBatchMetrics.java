package dev.scs.speed.metrics;

import java.util.Map;

/**
 * What one micro-batch did, from Spark's progress report (rates, duration, lag) and from the speed
 * layer's own outcome (accepted events, firings, rejects by reason).
 *
 * @param endedAt when Spark reported the batch, epoch ms
 * @param inputRate records per second arriving, as Spark measures it between triggers
 * @param processingRate records per second the batch processed
 * @param lag records in the topic not yet read when the batch ended; -1 when unknown
 * @param rulesRefused distinct rule or config sets refused since the job started
 * @param millisByStep how long scoring and each sink took (see MicroBatchObserver)
 */
public record MicroBatchMetrics(
    long batchId,
    long endedAt,
    long inputRows,
    double inputRate,
    double processingRate,
    long durationMillis,
    long lag,
    long accepted,
    long firings,
    Map<String, Long> rejectsByReason,
    long rulesRefused,
    boolean replayed,
    Map<String, Long> millisByStep) {

  public long rejects() {
    return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
