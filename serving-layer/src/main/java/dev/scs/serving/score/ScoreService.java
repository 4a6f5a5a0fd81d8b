package dev.scs.serving.score;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.view.LedgerScore;
import dev.scs.scoring.view.Score;
import dev.scs.scoring.view.ScoreView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Merges the views into the served score (contract, section 7): the published run's batch view
 * moved to {@code as_of} plus the speed part. The speed view row counts only when it counts from
 * the published watermark; otherwise (a run was published after the speed layer last wrote it, or
 * it is missing) the speed part is summed from the citizen's ledger rows ingested at or after the
 * watermark. When {@code as_of} is earlier than a firing in either view, moving sums is not exact,
 * and the score is summed from the ledgers instead (the run's batch ledger plus the speed side).
 */
public final class ScoreService {
  private final ViewStore views;
  private final CitizenDirectory citizens;
  private final Supplier<ScoringConfig> config;
  private final LongSupplier clock;

  public ScoreService(
      ViewStore views,
      CitizenDirectory citizens,
      Supplier<ScoringConfig> config,
      LongSupplier clock) {
    this.views = views;
    this.citizens = citizens;
    this.config = config;
    this.clock = clock;
  }

  /** The current instant of this service's clock, the default {@code as_of}. */
  public long now() {
    return clock.getAsLong();
  }

  public ScoringConfig config() {
    return config.get();
  }

  /**
   * The score at {@code asOf}.
   *
   * @throws CitizenNotFoundException when the citizen is unknown
   */
  public ServedScore scoreAt(String citizenId, long asOf) {
    Optional<PublishedRun> run = views.publishedRun();
    Long watermark = run.map(PublishedRun::watermark).orElse(null);
    String runId = run.map(PublishedRun::runId).orElse(null);
    ViewStore.CitizenViews rows = views.views(runId, citizenId);
    ScoreView batch = rows.batch().map(StoredView::toScoreView).orElse(ScoreView.empty(asOf));

    Optional<StoredView> speedRow = rows.speed();
    boolean speedRowCounts =
        speedRow.isPresent() && Objects.equals(speedRow.get().watermark(), watermark);
    List<Firing> speedFirings = null;
    ScoreView speed;
    if (speedRowCounts) {
      speed = speedRow.get().toScoreView();
    } else {
      speedFirings = CanonicalLedger.speedSide(views.speedLedger(citizenId), watermark);
      speed = ScoreView.empty(asOf);
      speedFirings.forEach(speed::add);
    }
    if (batch.firings() == 0 && speed.firings() == 0 && citizens.find(citizenId).isEmpty()) {
      throw new CitizenNotFoundException(citizenId);
    }

    String path;
    double batchRaw;
    double speedRaw;
    long batchFirings;
    long speedFiringsUpToAsOf;
    double raw;
    if (batch.isExactAt(asOf) && speed.isExactAt(asOf)) {
      path = ServedScore.VIEWS_PATH;
      batchRaw = batch.rawAt(asOf);
      speedRaw = speed.rawAt(asOf);
      batchFirings = batch.firings();
      speedFiringsUpToAsOf = speed.firings();
      raw = batchRaw + speedRaw;
    } else {
      path = ServedScore.LEDGER_PATH;
      List<Firing> batchLedger =
          runId == null || batch.firings() == 0 ? List.of() : views.batchLedger(runId, citizenId);
      if (speedFirings == null) {
        speedFirings = CanonicalLedger.speedSide(views.speedLedger(citizenId), watermark);
      }
      batchRaw = LedgerScore.rawAt(batchLedger, asOf);
      speedRaw = LedgerScore.rawAt(speedFirings, asOf);
      batchFirings = LedgerScore.firingsAt(batchLedger, asOf);
      speedFiringsUpToAsOf = LedgerScore.firingsAt(speedFirings, asOf);
      // The contract sums contributions in canonical order; merging keeps that order.
      raw = LedgerScore.rawAt(CanonicalLedger.merge(batchLedger, speedFirings), asOf);
    }
    Score score = Score.of(raw, batchFirings + speedFiringsUpToAsOf, config.get());
    return new ServedScore(
        citizenId,
        asOf,
        raw,
        score.score(),
        score.tier(),
        score.firings(),
        path,
        runId,
        watermark,
        batchRaw,
        batchFirings,
        speedRaw,
        speedFiringsUpToAsOf,
        speedRowCounts ? ServedScore.FROM_SPEED_VIEW : ServedScore.FROM_LEDGER,
        speedRowCounts ? speedRow.get().referenceAt() : null,
        watermark == null ? null : clock.getAsLong() - watermark);
  }
}
