package dev.scs.batch.view;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.view.LedgerScore;
import dev.scs.scoring.view.Score;
import dev.scs.scoring.view.ScoreView;
import java.util.ArrayList;
import java.util.List;

/**
 * A citizen's served score at an instant T (contract, section 7): the batch view moved to T plus
 * the speed view at T. Where moving the sums is not exact (a firing later than T), the ledger path
 * gives the same answer from the firings themselves.
 */
public final class MergedScore {
  private MergedScore() {}

  /**
   * @param batchLedger the batch run's firings for the citizen, canonical order
   * @param watermark the run's W, the batch view's reference instant
   * @param speedLedger firings of events ingested at or after W
   */
  public static Score at(
      List<Firing> batchLedger,
      long watermark,
      List<Firing> speedLedger,
      long instant,
      ScoringConfig config) {
    ScoreView batch = CitizenView.of("", watermark, batchLedger).toScoreView();
    ScoreView speed = CitizenView.of("", watermark, speedLedger).toScoreView();
    ScoreView merged = batch.movedTo(instant).plus(speed.movedTo(instant));
    List<Firing> all = new ArrayList<>(batchLedger);
    all.addAll(speedLedger);
    double raw =
        merged.isExactAt(instant) ? merged.rawAt(instant) : LedgerScore.rawAt(all, instant);
    return Score.of(raw, LedgerScore.firingsAt(all, instant), config);
  }
}
