package dev.scs.batch.run;

import dev.scs.batch.store.BatchStores;
import dev.scs.batch.store.SpeedProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The batch run's half of the hand-over with the speed layer (batch-layer/README.md): before a run
 * for W reads the archive, every event ingested before W must be in it. The speed layer promises,
 * in speed_progress.committed_through, that every record ingested before that instant is written
 * and that no record still to come will be ingested before it; the run asks for W (wanted_through),
 * which lets the speed layer move its promise up to W, and waits until it has.
 *
 * <p>It also waits for the speed layer to record once more after {@code since}: a micro-batch that
 * was being written when the run read MongoDB's citizens has then finished every sink, so the
 * ledger the run reads next holds its firings (see {@link BatchRun} on the MongoDB reconcile).
 */
final class SpeedLayerHandOver {
  /** How often the store is asked, and how often a waiting run says so. */
  static final Duration POLL = Duration.ofMillis(500);

  static final Duration SAY_EVERY = Duration.ofSeconds(10);

  /** Waits between polls; a test passes one that moves its clock instead of sleeping. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** The speed layer has not committed through W in time: one line saying what to do. */
  static final class SpeedLayerBehindException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SpeedLayerBehindException(String message) {
      super(message);
    }
  }

  private final BatchStores stores;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RunProgress progress;

  SpeedLayerHandOver(BatchStores stores, Clock clock, Sleeper sleeper, RunProgress progress) {
    this.stores = stores;
    this.clock = clock;
    this.sleeper = sleeper;
    this.progress = progress;
  }

  /** What the speed layer had recorded before the run read MongoDB. */
  SpeedProgress current() {
    return stores.speedProgress();
  }

  /**
   * Returns once the speed layer has committed through {@code watermark} and recorded after {@code
   * since}.
   *
   * @throws SpeedLayerBehindException when that takes longer than {@code timeout}
   */
  SpeedProgress await(Watermark watermark, SpeedProgress since, Duration timeout) {
    long w = watermark.epochMillis();
    SpeedProgress now = stores.speedProgress();
    if (now.wantedThrough() == null || now.wantedThrough() < w) {
      stores.wantSpeedProgressThrough(w);
    }
    long started = clock.millis();
    long deadline = started + timeout.toMillis();
    long nextSay = started + SAY_EVERY.toMillis();
    while (!(now.committedThrough(w) && now.recordedSince(since))) {
      long at = clock.millis();
      if (at >= deadline) {
        throw new SpeedLayerBehindException(behind(watermark, now, timeout));
      }
      if (at >= nextSay) {
        progress.say(
            "waiting for the speed layer to commit through "
                + watermark
                + ": "
                + describe(now)
                + " ("
                + Duration.ofMillis(at - started).toSeconds()
                + " s of "
                + timeout.toSeconds()
                + " s)");
        nextSay = at + SAY_EVERY.toMillis();
      }
      try {
        sleeper.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the speed layer", e);
      }
      now = stores.speedProgress();
    }
    progress.say("the speed layer has committed through " + watermark + ": " + describe(now));
    return now;
  }

  private static String behind(Watermark watermark, SpeedProgress now, Duration timeout) {
    return "the speed layer has not committed through W = "
        + watermark
        + " within "
        + timeout.toSeconds()
        + " s ("
        + describe(now)
        + "): start it (./scs speed) or let it catch up and run again; for an archive that no"
        + " speed layer writes (a backfill, a test), run with --no-wait";
  }

  private static String describe(SpeedProgress progress) {
    if (progress.committedThrough() == null) {
      return "it has recorded no progress in speed_progress";
    }
    return "it has committed through "
        + Instant.ofEpochMilli(progress.committedThrough())
        + ", last recorded at "
        + Instant.ofEpochMilli(progress.recordedAt());
  }
}
