package dev.scs.speed.scoring;

import dev.scs.scoring.view.ScoreView;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link ScoreView} as a store row holds it: per-half-life sums at a reference instant, the
 * latest firing's event time and the number of firings (tables speed_view and batch_view).
 */
public record StoredView(
    long referenceAt, Map<Long, Double> sumsByHalfLife, long latestFiringAt, long firings) {

  public StoredView {
    sumsByHalfLife = Map.copyOf(new TreeMap<>(sumsByHalfLife));
  }

  public static StoredView of(ScoreView view) {
    return new StoredView(
        view.referenceAt(), view.sumsByHalfLife(), view.latestFiringAt(), view.firings());
  }

  public ScoreView toScoreView() {
    return ScoreView.of(referenceAt, sumsByHalfLife, latestFiringAt, firings);
  }
}
