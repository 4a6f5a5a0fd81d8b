package dev.scs.serving.score;

import dev.scs.scoring.engine.Firing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A {@link ViewStore} that avoids reads whose answer cannot have changed:
 *
 * <ul>
 *   <li>the published run is read at most once per refresh interval: it changes once a night, and a
 *       run published meanwhile is seen at most one interval later (both runs are complete, so an
 *       answer is never a mix of two runs);
 *   <li>a citizen's batch view row of a run is kept once read: a published run's rows never change
 *       (the tables are keyed by run). At most {@link #MAX_BATCH_VIEWS} rows are kept; the cache is
 *       emptied when it is full or when another run is asked for.
 * </ul>
 *
 * The speed view and the ledgers are always read: they change with every micro-batch.
 */
public final class CachingViewStore implements ViewStore {
  static final int MAX_BATCH_VIEWS = 500_000;

  private final ViewStore delegate;
  private final long refreshMillis;
  private final LongSupplier clock;
  private volatile Optional<PublishedRun> cached;
  private volatile long readAt;
  private volatile String cachedRunId;
  private final Map<String, Optional<StoredView>> batchViews = new ConcurrentHashMap<>();

  public CachingViewStore(ViewStore delegate, long refreshMillis, LongSupplier clock) {
    this.delegate = delegate;
    this.refreshMillis = refreshMillis;
    this.clock = clock;
  }

  @Override
  public Optional<PublishedRun> publishedRun() {
    long now = clock.getAsLong();
    Optional<PublishedRun> current = cached;
    if (current == null || now - readAt >= refreshMillis) {
      current = delegate.publishedRun();
      cached = current;
      readAt = now;
    }
    return current;
  }

  @Override
  public CitizenViews views(String runId, String citizenId) {
    Optional<StoredView> batch =
        runId == null ? Optional.empty() : cachedBatchView(runId, citizenId);
    if (batch != null) {
      return new CitizenViews(batch, delegate.speedView(citizenId));
    }
    CitizenViews read = delegate.views(runId, citizenId);
    remember(runId, citizenId, read.batch());
    return read;
  }

  @Override
  public Optional<StoredView> batchView(String runId, String citizenId) {
    Optional<StoredView> batch = cachedBatchView(runId, citizenId);
    if (batch == null) {
      batch = delegate.batchView(runId, citizenId);
      remember(runId, citizenId, batch);
    }
    return batch;
  }

  /** The cached row (possibly empty: the citizen has none), or null when not cached. */
  private Optional<StoredView> cachedBatchView(String runId, String citizenId) {
    return batchViews.get(runId + "/" + citizenId);
  }

  private void remember(String runId, String citizenId, Optional<StoredView> batch) {
    if (runId == null) {
      return;
    }
    // Keys hold the run id, so a row read for one run can never answer for another, even when a
    // request of the old run finishes after the switch.
    if (!runId.equals(cachedRunId) || batchViews.size() >= MAX_BATCH_VIEWS) {
      synchronized (this) {
        if (!runId.equals(cachedRunId) || batchViews.size() >= MAX_BATCH_VIEWS) {
          batchViews.clear();
          cachedRunId = runId;
        }
      }
    }
    batchViews.put(runId + "/" + citizenId, batch);
  }

  @Override
  public Optional<StoredView> speedView(String citizenId) {
    return delegate.speedView(citizenId);
  }

  @Override
  public List<Firing> batchLedger(String runId, String citizenId) {
    return delegate.batchLedger(runId, citizenId);
  }

  @Override
  public List<LedgerRow> speedLedger(String citizenId) {
    return delegate.speedLedger(citizenId);
  }
}
