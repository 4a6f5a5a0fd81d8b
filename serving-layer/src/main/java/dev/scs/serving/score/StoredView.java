package dev.scs.serving.score;

import dev.scs.scoring.view.ScoreView;
import java.util.Map;

/**
 * One row of {@code batch_view} or {@code speed_view}: per-half-life sums at a reference instant.
 *
 * @param watermark the watermark a speed view row counts from, {@code null} for a batch view row
 *     and for a speed view written before any batch run
 */
public record StoredView(
    Long watermark,
    long referenceAt,
    Map<Long, Double> sumsByHalfLife,
    long latestFiringAt,
    long firings) {

  public ScoreView toScoreView() {
    return ScoreView.of(referenceAt, sumsByHalfLife, latestFiringAt, firings);
  }
}
