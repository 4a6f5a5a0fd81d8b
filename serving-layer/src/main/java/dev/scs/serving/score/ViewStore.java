package dev.scs.serving.score;

import dev.scs.scoring.engine.Firing;
import java.util.List;
import java.util.Optional;

/**
 * What the score endpoints read from the wide-column store (schemas/cql/keyspace.cql). Every method
 * reads one partition; the citizen id is always a bound parameter.
 */
public interface ViewStore {

  /** The published batch run, empty before the first run. */
  Optional<PublishedRun> publishedRun();

  /** The citizen's row of {@code batch_view} for the run, empty when it had no firing. */
  Optional<StoredView> batchView(String runId, String citizenId);

  /** The citizen's row of {@code speed_view}, empty when none was written. */
  Optional<StoredView> speedView(String citizenId);

  /**
   * The citizen's batch view row (when {@code runId} is not null) and speed view row together; a
   * store that can read both at once does, as the score endpoint always needs both.
   */
  default CitizenViews views(String runId, String citizenId) {
    return new CitizenViews(
        runId == null ? Optional.empty() : batchView(runId, citizenId), speedView(citizenId));
  }

  /** A citizen's rows of {@code batch_view} and {@code speed_view}. */
  record CitizenViews(Optional<StoredView> batch, Optional<StoredView> speed) {}

  /** The citizen's firings in the run's {@code batch_ledger}, in canonical order. */
  List<Firing> batchLedger(String runId, String citizenId);

  /** The citizen's firings in the speed layer's {@code ledger}, every ingestion time. */
  List<LedgerRow> speedLedger(String citizenId);
}
