package dev.scs.batch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scs.batch.fixtures.InMemoryBatchStores;
import dev.scs.batch.store.SpeedProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedLayerHandOverTest {
  private static final Watermark W = Watermark.parse("2026-06-01T00:00:00Z", "W");
  private static final long W_MILLIS = W.epochMillis();

  private final InMemoryBatchStores stores = new InMemoryBatchStores(null, List.of(), List.of());
  private final SteppedClock clock = new SteppedClock();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private int polls;

  @Test
  void theRunAsksForWAndWaitsUntilTheSpeedLayerHasCommittedThroughIt() {
    stores.recordSpeedProgress(W_MILLIS - 60_000, 1);
    SpeedLayerHandOver handOver =
        handOver(
            () -> {
              if (++polls == 3) {
                stores.recordSpeedProgress(W_MILLIS, 2);
              }
            });
    SpeedProgress before = handOver.current();

    SpeedProgress reached = handOver.await(W, before, Duration.ofMinutes(5));

    assertThat(reached.committedThrough()).isEqualTo(W_MILLIS);
    assertThat(reached.wantedThrough()).isEqualTo(W_MILLIS);
    assertThat(polls).isEqualTo(3);
    assertThat(printed()).contains("the speed layer has committed through " + W);
  }

  @Test
  void aSpeedLayerAlreadyPastWMustStillRecordOnceMoreSoThatAMicroBatchInFlightHasFinished() {
    stores.recordSpeedProgress(W_MILLIS + 5_000, 7);
    SpeedLayerHandOver handOver =
        handOver(
            () -> {
              if (++polls == 2) {
                stores.recordSpeedProgress(W_MILLIS + 5_000, 8);
              }
            });

    handOver.await(W, handOver.current(), Duration.ofMinutes(5));

    assertThat(polls).isEqualTo(2);
  }

  @Test
  void aSpeedLayerThatDoesNotCommitThroughWInTimeFailsTheRunInOneLineSayingWhatToDo() {
    stores.recordSpeedProgress(W_MILLIS - 60_000, 1);
    SpeedLayerHandOver handOver = handOver(() -> polls++);

    assertThatThrownBy(() -> handOver.await(W, handOver.current(), Duration.ofSeconds(30)))
        .isInstanceOf(SpeedLayerHandOver.SpeedLayerBehindException.class)
        .hasMessage(
            "the speed layer has not committed through W = 2026-06-01T00:00:00Z within 30 s (it"
                + " has committed through 2026-05-31T23:59:00Z, last recorded at"
                + " 1970-01-01T00:00:00.001Z): start it (./scs speed) or let it catch up and run"
                + " again; for an archive that no speed layer writes (a backfill, a test), run with"
                + " --no-wait");
    assertThat(clock.millis()).isGreaterThanOrEqualTo(30_000);
    assertThat(printed()).contains("waiting for the speed layer to commit through " + W);
  }

  @Test
  void aStoreWithoutProgressSaysSoWhenTheWaitEnds() {
    SpeedLayerHandOver handOver = handOver(() -> polls++);

    assertThatThrownBy(() -> handOver.await(W, handOver.current(), Duration.ofSeconds(1)))
        .hasMessageContaining("it has recorded no progress in speed_progress");
    assertThat(stores.speedProgress().wantedThrough()).isEqualTo(W_MILLIS);
  }

  @Test
  void aLaterWatermarkAlreadyAskedForIsNotLowered() {
    stores.wantSpeedProgressThrough(W_MILLIS + 1);
    stores.recordSpeedProgress(W_MILLIS + 1, 1);
    SpeedLayerHandOver handOver =
        handOver(() -> stores.recordSpeedProgress(W_MILLIS + 1, 2 + polls++));

    handOver.await(W, handOver.current(), Duration.ofMinutes(1));

    assertThat(stores.speedProgress().wantedThrough()).isEqualTo(W_MILLIS + 1);
  }

  private SpeedLayerHandOver handOver(Runnable eachPoll) {
    return new SpeedLayerHandOver(
        stores,
        clock,
        duration -> {
          clock.advance(duration);
          eachPoll.run();
        },
        new RunProgress(new PrintStream(printed, true, StandardCharsets.UTF_8), "batch"));
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** A clock that moves only when the sleeper moves it. */
  private static final class SteppedClock extends Clock {
    private long millis;

    void advance(Duration duration) {
      millis += duration.toMillis();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }
}
