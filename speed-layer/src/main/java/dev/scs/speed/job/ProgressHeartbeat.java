package dev.scs.speed.job;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the ingestion floor while the query has nothing to do. A Kafka source runs no empty
 * micro-batch, so without this an idle speed layer would never record progress and a batch run
 * would wait for it in vain. Spark posts an idle event after a trigger that found no data (at most
 * every {@code spark.sql.streaming.noDataProgressEventInterval}, 10 s by default), which is only
 * after it re-ran any micro-batch left uncommitted by a crash; and a terminated query that stopped
 * cleanly has nothing in flight either. Events of other queries, or of an earlier run of this one,
 * are ignored.
 */
final class ProgressHeartbeat extends StreamingQueryListener {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressHeartbeat.class);

  private final IngestionFloor floor;
  private final AtomicReference<UUID> runId = new AtomicReference<>();

  ProgressHeartbeat(IngestionFloor floor) {
    this.floor = floor;
  }

  /** The run of the query this heartbeat belongs to, known once the query has started. */
  void belongsTo(UUID queryRunId) {
    runId.set(queryRunId);
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public void onQueryProgress(QueryProgressEvent event) {}

  @Override
  public void onQueryIdle(QueryIdleEvent event) {
    if (event.runId().equals(runId.get())) {
      beat();
    }
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    if (event.runId().equals(runId.get()) && event.exception().isEmpty()) {
      beat();
    }
  }

  private void beat() {
    try {
      floor.heartbeat();
    } catch (RuntimeException e) {
      // The next heartbeat or micro-batch tries again; the listener bus must not die of it.
      LOG.warn("cannot record the speed layer's progress: {}", e.getMessage());
    }
  }
}
