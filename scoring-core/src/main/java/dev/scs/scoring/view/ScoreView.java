package dev.scs.scoring.view;

import dev.scs.scoring.engine.Decay;
import dev.scs.scoring.engine.Firing;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A view of a citizen's firings as one decayed sum per half-life, at a reference instant (contract,
 * section 7). Decay is multiplicative, so the sums can be moved forward in time and views at the
 * same instant can be added: the served raw score is the batch view moved to T plus the speed view
 * at T.
 *
 * <p>Firings later than the reference instant are included with a growth factor, so that moving the
 * view to any T at or after {@link #latestFiringAt()} is exact. For an earlier T, a question about
 * the past, use {@link LedgerScore} over the ledger instead ({@link #isExactAt}).
 */
public final class ScoreView {
  private final long referenceAt;
  private final TreeMap<Long, Double> sumsByHalfLife;
  private long latestFiringAt;
  private long firings;

  private ScoreView(
      long referenceAt, TreeMap<Long, Double> sums, long latestFiringAt, long firings) {
    this.referenceAt = referenceAt;
    this.sumsByHalfLife = sums;
    this.latestFiringAt = latestFiringAt;
    this.firings = firings;
  }

  public static ScoreView empty(long referenceAt) {
    return new ScoreView(referenceAt, new TreeMap<>(), Long.MIN_VALUE, 0);
  }

  /** A view restored from storage. */
  public static ScoreView of(
      long referenceAt, Map<Long, Double> sumsByHalfLife, long latestFiringAt, long firings) {
    return new ScoreView(referenceAt, new TreeMap<>(sumsByHalfLife), latestFiringAt, firings);
  }

  /** Adds one firing's contribution at the reference instant. */
  public void add(Firing firing) {
    double contribution =
        Decay.decay(
            firing.delta().doubleValue(),
            referenceAt - firing.occurredAt(),
            firing.halfLifeMillis());
    sumsByHalfLife.merge(firing.halfLifeMillis(), contribution, Double::sum);
    latestFiringAt = Math.max(latestFiringAt, firing.occurredAt());
    firings++;
  }

  /** The same view at another instant: {@code sum_H(T2) = sum_H(T1) * 2^(-(T2 - T1) / H)}. */
  public ScoreView movedTo(long instant) {
    TreeMap<Long, Double> moved = new TreeMap<>();
    sumsByHalfLife.forEach(
        (halfLife, sum) -> moved.put(halfLife, Decay.decay(sum, instant - referenceAt, halfLife)));
    return new ScoreView(instant, moved, latestFiringAt, firings);
  }

  /** The sum of two views, at this view's reference instant. */
  public ScoreView plus(ScoreView other) {
    ScoreView aligned = other.referenceAt == referenceAt ? other : other.movedTo(referenceAt);
    TreeMap<Long, Double> sums = new TreeMap<>(sumsByHalfLife);
    aligned.sumsByHalfLife.forEach((halfLife, sum) -> sums.merge(halfLife, sum, Double::sum));
    return new ScoreView(
        referenceAt,
        sums,
        Math.max(latestFiringAt, aligned.latestFiringAt),
        firings + aligned.firings);
  }

  /** True when moving to {@code instant} gives the contract's raw score: no firing is later. */
  public boolean isExactAt(long instant) {
    return firings == 0 || instant >= latestFiringAt;
  }

  /** raw(T) from the sums; only for a T where {@link #isExactAt} holds. */
  public double rawAt(long instant) {
    if (!isExactAt(instant)) {
      throw new IllegalArgumentException(
          "the view has firings after the requested instant; use the ledger for the past");
    }
    double raw = 0.0;
    for (Map.Entry<Long, Double> entry : sumsByHalfLife.entrySet()) {
      raw += Decay.decay(entry.getValue(), instant - referenceAt, entry.getKey());
    }
    return raw;
  }

  public long referenceAt() {
    return referenceAt;
  }

  public Map<Long, Double> sumsByHalfLife() {
    return Collections.unmodifiableMap(sumsByHalfLife);
  }

  /** The latest firing's event time, or {@link Long#MIN_VALUE} when there is none. */
  public long latestFiringAt() {
    return latestFiringAt;
  }

  public long firings() {
    return firings;
  }
}
