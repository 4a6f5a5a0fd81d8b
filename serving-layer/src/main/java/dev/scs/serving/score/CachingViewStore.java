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
 *   <li>a citizen's speed view row is kept by the {@link SpeedViewCache} while the live feed
 *       announces every change of it (invalidation by the {@code score-updates} topic, with a
 *       bounded age; see there). It is dropped entirely when another run is asked for.
 * </ul>
 *
 * The ledgers are always read: they are only needed on the rare paths (a speed row of another
 * watermark, an {@code as_of} in the past).
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
  private final SpeedViewCache speedViews;

  /** Without a speed view cache: every speed view row is read. */
  public CachingViewStore(ViewStore delegate, long refreshMillis, LongSupplier clock) {
    this(delegate, refreshMillis, clock, SpeedViewCache.off());
  }

  public CachingViewStore(
      ViewStore delegate, long refreshMillis, LongSupplier clock, SpeedViewCache speedViews) {
    this.delegate = delegate;
    this.refreshMillis = refreshMillis;
    this.clock = clock;
    this.speedViews = speedViews;
  }

  public SpeedViewCache speedViewCache() {
    return speedViews;
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
      return new CitizenViews(batch, speedView(citizenId));
    }
    useRun(runId);
    Optional<StoredView> speed = speedViews.lookup(citizenId);
    if (speed != null) {
      batch = delegate.batchView(runId, citizenId);
      remember(runId, citizenId, batch);
      return new CitizenViews(batch, speed);
    }
    SpeedViewCache.ReadStart start = speedViews.startRead();
    CitizenViews read = delegate.views(runId, citizenId);
    remember(runId, citizenId, read.batch());
    speedViews.offer(citizenId, read.speed(), start);
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
    useRun(runId);
    batchViews.put(runId + "/" + citizenId, batch);
  }

  /**
   * Empties the caches when another run is asked for than the one cached, or the batch cache is
   * full. Keys hold the run id, so a row read for one run can never answer for another, even when a
   * request of the old run finishes after the switch.
   */
  private void useRun(String runId) {
    if (!runId.equals(cachedRunId) || batchViews.size() >= MAX_BATCH_VIEWS) {
      synchronized (this) {
        if (!runId.equals(cachedRunId) || batchViews.size() >= MAX_BATCH_VIEWS) {
          batchViews.clear();
          if (cachedRunId != null && !runId.equals(cachedRunId)) {
            // Speed rows are rebased onto the new run's watermark: start afresh.
            speedViews.clear();
          }
          cachedRunId = runId;
        }
      }
    }
  }

  @Override
  public Optional<StoredView> speedView(String citizenId) {
    return speedViews.get(citizenId, delegate::speedView);
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
