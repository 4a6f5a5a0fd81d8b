package dev.scs.serving.pipeline;

import java.util.Optional;

/** The batch layer's runs (table {@code batch_runs}). */
public interface BatchRuns {

  /** The run with the greatest id, whatever its status. */
  Optional<RunRecord> lastRun();

  record RunRecord(
      String runId,
      Long watermark,
      String status,
      Long startedAt,
      Long finishedAt,
      Long events,
      Long firings,
      Long citizens) {}
}
