package dev.scs.speed;

import dev.scs.speed.job.MicroBatchObserver;
import dev.scs.speed.scoring.AcceptedEvent;
import dev.scs.speed.scoring.MicroBatchOutcome;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Latency from produce to visible in every store: observers hear of a micro-batch once all its
 * sinks wrote it (MongoDB, Cassandra and the others, acknowledged), and each event's record
 * timestamp is the instant the producer created it.
 */
final class LatencyRecorder implements MicroBatchObserver {
  private final String measuredPrefix;
  private long[] latencies = new long[1 << 16];
  private int count;
  private long rejects;
  private long batches;
  private final Map<String, Long> totalMillisByStep = new LinkedHashMap<>();
  private final Map<String, Long> maxMillisByStep = new LinkedHashMap<>();
  private long firstWrittenAt;
  private long lastWrittenAt;

  /** Counts only events whose id starts with {@code measuredPrefix} (not the warm-up's). */
  LatencyRecorder(String measuredPrefix) {
    this.measuredPrefix = measuredPrefix;
  }

  @Override
  public synchronized void onWritten(
      MicroBatchOutcome outcome,
      boolean replayed,
      long rulesRefused,
      Map<String, Long> millisByStep) {
    batches++;
    millisByStep.forEach((step, millis) -> totalMillisByStep.merge(step, millis, Long::sum));
    millisByStep.forEach((step, millis) -> maxMillisByStep.merge(step, millis, Math::max));
    long now = System.currentTimeMillis();
    if (batches == 1) {
      firstWrittenAt = now;
    }
    lastWrittenAt = now;
    rejects += outcome.rejects().size();
    for (AcceptedEvent event : outcome.accepted()) {
      if (!event.eventId().startsWith(measuredPrefix)) {
        continue;
      }
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = now - event.ingestedAt();
    }
  }

  /**
   * Mean and longest milliseconds per micro-batch of each step, e.g. {@code score 120/300,
   * cassandra 800/1900}, and the mean time from one micro-batch's end to the next one's (which adds
   * Spark's planning and commits to the steps).
   */
  synchronized String meanMillisByStep() {
    StringBuilder text = new StringBuilder();
    totalMillisByStep.forEach(
        (step, total) ->
            text.append(text.length() == 0 ? "" : ", ")
                .append(step)
                .append(' ')
                .append(total / Math.max(1, batches))
                .append('/')
                .append(maxMillisByStep.get(step)));
    long meanInterval = batches < 2 ? 0 : (lastWrittenAt - firstWrittenAt) / (batches - 1);
    return batches + " batches, one every " + meanInterval + " ms; mean/longest ms: " + text;
  }

  synchronized int accepted() {
    return count;
  }

  synchronized long rejects() {
    return rejects;
  }

  synchronized long lastWrittenAt() {
    return lastWrittenAt;
  }

  /** The latency at a percentile (0-100) in ms, nearest rank. */
  synchronized long percentile(double percentile) {
    long[] sorted = Arrays.copyOf(latencies, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
