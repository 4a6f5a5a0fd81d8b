package dev.scs.speed.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.speed.fakes.InMemoryStores;
import dev.scs.speed.port.SpeedProgressStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IngestionFloorTest {
  private static final long NOW = Instant.parse("2026-06-01T12:00:00Z").toEpochMilli();
  private static final long W = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();

  private final InMemoryStores stores = new InMemoryStores();
  private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

  @Test
  void withoutABatchRunWaitingTheFloorStaysPutAndRecordsNothing() {
    IngestionFloor floor = new IngestionFloor(stores, clock);

    assertThat(floor.begin()).isEqualTo(Long.MIN_VALUE);
    floor.committed();
    floor.heartbeat();

    assertThat(stores.read()).isEqualTo(SpeedProgressStore.Progress.NONE);
  }

  @Test
  void aMicroBatchInFlightWhenTheRunAsksKeepsItsFloorAndTheFloorReachesWOnceItCommits() {
    IngestionFloor floor = new IngestionFloor(stores, clock);
    long inFlight = floor.begin();
    stores.want(W);

    floor.heartbeat();
    assertThat(stores.read().committedThrough())
        .as("no heartbeat promises past a micro-batch in flight")
        .isNull();

    floor.committed();
    assertThat(inFlight).isEqualTo(Long.MIN_VALUE);
    assertThat(stores.read().committedThrough()).isEqualTo(W);
    assertThat(floor.begin()).as("the next micro-batch's records count from W").isEqualTo(W);
  }

  @Test
  void anIdleSpeedLayerMovesItsFloorToWOnAHeartbeatAndRecordsAgainOnEachOne() {
    IngestionFloor floor = new IngestionFloor(stores, clock);
    stores.want(W);

    floor.heartbeat();
    long first = stores.read().recordedAt();
    floor.heartbeat();

    assertThat(stores.read().committedThrough()).isEqualTo(W);
    assertThat(stores.read().recordedAt()).isGreaterThan(first);
  }

  @Test
  void theFloorNeverPassesTheClockWhateverWatermarkIsWanted() {
    IngestionFloor floor = new IngestionFloor(stores, clock);
    stores.want(NOW + 86_400_000L);

    floor.heartbeat();

    assertThat(stores.read().committedThrough()).isEqualTo(NOW);
  }

  @Test
  void aRestartedSpeedLayerKeepsItsPredecessorsPromise() {
    stores.want(W);
    new IngestionFloor(stores, clock).heartbeat();

    IngestionFloor restarted = new IngestionFloor(stores, clock);

    assertThat(restarted.begin()).isEqualTo(W);
  }

  @Test
  void aReRunKeepsTheFloorItsFirstAttemptJournaled() {
    IngestionFloor floor = new IngestionFloor(stores, clock);

    floor.resume(W - 5);
    floor.heartbeat();

    assertThat(floor.floor()).isEqualTo(W - 5);
    assertThat(stores.read().committedThrough()).as("in flight until it commits").isNull();
    floor.committed();
    assertThat(stores.read().committedThrough()).isEqualTo(W - 5);
  }
}
