package dev.scs.serving.pipeline;

import java.time.Duration;
import java.util.Map;

/** The speed layer's micro-batch metrics (InfluxDB bucket {@code scs_pipeline}). */
public interface SpeedMetrics {

  /** The latest micro-batch's figures and the rejects summed over the window. */
  Snapshot over(Duration window);

  /**
   * @param lastBatchAt end of the latest micro-batch in the window, null when there was none
   */
  record Snapshot(
      String job,
      Long lastBatchAt,
      Long lag,
      Double inputRate,
      Double processingRate,
      long microBatches,
      Map<String, Long> rejectsByReason) {}
}
