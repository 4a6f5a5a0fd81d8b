package dev.scs.speed.scoring;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one micro-batch decided, for the sinks: the accepted events (for the archive and the
 * event_id claims), the rejects (for the dead-letter topic), the firings in arrival order, and each
 * touched citizen's new state and score. The same records and the same lookups always give an equal
 * outcome, which is what makes a replayed micro-batch harmless.
 */
public record MicroBatchOutcome(
    long batchId,
    int records,
    List<AcceptedEvent> accepted,
    List<DeadLetter> rejects,
    List<ScoredFiring> firings,
    List<CitizenUpdate> citizens) {

  /** Rejected records by reason code, duplicates included, sorted by code. */
  public Map<String, Long> rejectsByReason() {
    Map<String, Long> counts = new TreeMap<>();
    rejects.forEach(reject -> counts.merge(reject.reason().code(), 1L, Long::sum));
    return counts;
  }
}
