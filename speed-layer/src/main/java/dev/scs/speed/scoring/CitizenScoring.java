package dev.scs.speed.scoring;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.engine.FiringEngine;
import dev.scs.scoring.engine.RuleState;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.view.Score;
import dev.scs.scoring.view.ScoreView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One citizen during one micro-batch: its events, in arrival order, run through scoring-core from
 * the stored cooldown and cap state (contract, section 7), their firings added to the speed view.
 */
final class CitizenScoring {
  private final String citizenId;
  private final FiringEngine engine;
  private final ScoringConfig config;
  private final RuleState ruleState;
  private final Set<String> ruleIdsBefore;
  private final ScoreView batchView;
  private final Long speedViewWatermark;
  private ScoreView speedView;
  private long ingestedAt = Long.MIN_VALUE;

  CitizenScoring(
      String citizenId,
      CitizenState state,
      PublishedRun publishedRun,
      FiringEngine engine,
      ScoringConfig config) {
    this.citizenId = citizenId;
    this.engine = engine;
    this.config = config;
    this.ruleState = RuleState.restore(state.ruleState());
    this.ruleIdsBefore = Set.copyOf(state.storedRuleIds());
    this.batchView = state.batchView() == null ? null : state.batchView().toScoreView();
    if (publishedRun == null) {
      this.speedViewWatermark = null;
      this.speedView = state.speedView() == null ? null : state.speedView().toScoreView();
    } else {
      // Rows relative to an earlier run would count events twice: the store rebases them.
      if (!state.isRelativeTo(publishedRun)) {
        throw new IllegalStateException(
            "the speed side of citizen "
                + citizenId
                + " counts from watermark "
                + state.speedViewWatermark()
                + ", not from the published "
                + publishedRun.watermark()
                + ": the state store must rebase it");
      }
      this.speedViewWatermark = publishedRun.watermark();
      // Every touched citizen gets a speed_view row tagged with W, empty if need be, so that
      // readers and the next micro-batch see that its rows count from W.
      this.speedView =
          state.speedView() == null
              ? ScoreView.empty(publishedRun.watermark())
              : state.speedView().toScoreView();
    }
  }

  void apply(Event event, long recordIngestedAt, List<ScoredFiring> scoredFirings) {
    ingestedAt = Math.max(ingestedAt, recordIngestedAt);
    List<Firing> fired = new ArrayList<>(2);
    engine.apply(event, ruleState, fired::add);
    if (fired.isEmpty()) {
      return;
    }
    for (Firing firing : fired) {
      if (speedView == null) {
        speedView = ScoreView.empty(referenceFor(firing));
      }
      speedView.add(firing);
    }
    long asOf = exactInstantFrom(event.occurredAt());
    Score score = scoreAt(asOf);
    for (Firing firing : fired) {
      scoredFirings.add(
          new ScoredFiring(firing, recordIngestedAt, score.raw(), score.score(), asOf));
    }
  }

  CitizenUpdate finish() {
    Map<String, long[]> snapshot = ruleState.snapshot();
    Set<String> cleared = new TreeSet<>(ruleIdsBefore);
    cleared.removeAll(snapshot.keySet());
    long asOf = exactInstantFrom(ingestedAt);
    return new CitizenUpdate(
        citizenId,
        snapshot,
        cleared,
        speedView == null ? null : StoredView.of(speedView),
        speedViewWatermark,
        ingestedAt,
        scoreAt(asOf),
        asOf);
  }

  /**
   * The watermark when there is one (the sums then start where the batch view ends); otherwise the
   * first firing, which keeps the growth factors of later firings small.
   */
  private long referenceFor(Firing firing) {
    return speedViewWatermark != null ? speedViewWatermark : firing.occurredAt();
  }

  /** The instant itself, or the latest firing of either view when that is later. */
  private long exactInstantFrom(long instant) {
    long asOf = instant;
    if (speedView != null && speedView.firings() > 0) {
      asOf = Math.max(asOf, speedView.latestFiringAt());
    }
    if (batchView != null && batchView.firings() > 0) {
      asOf = Math.max(asOf, batchView.latestFiringAt());
    }
    return asOf;
  }

  /** Batch view moved to the instant plus the speed view at it (contract, section 7). */
  private Score scoreAt(long asOf) {
    double raw = 0.0;
    long firings = 0;
    if (batchView != null) {
      raw += batchView.rawAt(asOf);
      firings += batchView.firings();
    }
    if (speedView != null) {
      raw += speedView.rawAt(asOf);
      firings += speedView.firings();
    }
    return Score.of(raw, firings, config);
  }
}
