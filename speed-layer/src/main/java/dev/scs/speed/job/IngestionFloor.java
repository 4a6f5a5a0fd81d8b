package dev.scs.speed.job;

import dev.scs.speed.port.SpeedProgressStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speed layer's promise to the batch layer: no record still to come will count as ingested
 * before the floor, and every record ingested before it is in the stores (speed-layer/README.md,
 * "Hand-over"). A micro-batch raises each record's ingestion time to the floor it began with; once
 * it has written every sink the floor may move up, and is recorded in table speed_progress, where a
 * batch run for W waits until it reaches W.
 *
 * <p>The floor moves only as far as a batch run asked (wanted_through), and never past the clock,
 * so records keep their Kafka timestamps unless a run cut in front of them. It moves between
 * micro-batches only: after one committed, or on a heartbeat while none is in flight (Kafka sources
 * run no empty micro-batch, so an idle query would otherwise never move it). One lock orders the
 * three, so a heartbeat never promises past a micro-batch still being written.
 */
public final class IngestionFloor {
  private static final Logger LOG = LoggerFactory.getLogger(IngestionFloor.class);

  private final SpeedProgressStore store;
  private final Clock clock;
  private long floor;
  private long recordedAt;
  private boolean inFlight;

  /** Continues from the recorded floor: a restarted speed layer keeps its predecessor's promise. */
  public IngestionFloor(SpeedProgressStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    SpeedProgressStore.Progress recorded = store.read();
    this.floor = recorded.committedThrough() == null ? Long.MIN_VALUE : recorded.committedThrough();
    this.recordedAt = recorded.recordedAt() == null ? Long.MIN_VALUE : recorded.recordedAt();
  }

  /** A micro-batch begins: its records are raised to the returned floor. */
  public synchronized long begin() {
    inFlight = true;
    return floor;
  }

  /**
   * A micro-batch Spark re-runs from its journal begins: it keeps the floor its first attempt used,
   * since that attempt may have written records with it.
   */
  public synchronized void resume(long journaledFloor) {
    inFlight = true;
    floor = Math.max(floor, journaledFloor);
  }

  /** The micro-batch wrote every sink: records the floor, raised if a batch run is waiting. */
  public synchronized void committed() {
    inFlight = false;
    raiseAndRecord();
  }

  /**
   * Nothing is being processed: raises and records the floor, unless a micro-batch is in flight
   * (one that failed stays in flight until its re-run commits, so its records are never promised
   * away).
   */
  public synchronized void heartbeat() {
    if (!inFlight) {
      raiseAndRecord();
    }
  }

  public synchronized long floor() {
    return floor;
  }

  private void raiseAndRecord() {
    Long wanted = store.read().wantedThrough();
    long now = clock.millis();
    if (wanted != null && wanted > floor) {
      long raised = Math.min(wanted, now);
      if (raised > floor) {
        LOG.info(
            "ingestion floor raised to {} for a batch run waiting on {}",
            java.time.Instant.ofEpochMilli(raised),
            java.time.Instant.ofEpochMilli(wanted));
        floor = raised;
      }
    }
    recordedAt = Math.max(recordedAt + 1, now);
    if (floor != Long.MIN_VALUE) {
      store.record(floor, recordedAt);
    }
  }
}
