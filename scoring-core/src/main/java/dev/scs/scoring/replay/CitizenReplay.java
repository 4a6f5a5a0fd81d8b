package dev.scs.scoring.replay;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.engine.FiringEngine;
import dev.scs.scoring.engine.RuleState;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.rules.RuleSet;
import dev.scs.scoring.view.LedgerScore;
import dev.scs.scoring.view.Score;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical replay of one citizen (contract, section 4): accepted, de-duplicated events in
 * ascending (occurred_at, event_id) order, from empty cooldown and cap state, into the ledger and
 * the score as of an instant. The batch layer and {@code replay} run exactly this per citizen.
 */
public final class CitizenReplay {
  private final FiringEngine engine;
  private final ScoringConfig config;

  public CitizenReplay(RuleSet rules, ScoringConfig config) {
    this.engine = new FiringEngine(rules, config);
    this.config = config;
  }

  /** Replays one citizen's events (any order in; sorted here) and scores them at {@code asOf}. */
  public Result replay(List<Event> events, long asOf) {
    List<Event> ordered = new ArrayList<>(events);
    ordered.sort(Event.CANONICAL_ORDER);
    RuleState state = RuleState.empty();
    List<Firing> ledger = new ArrayList<>();
    for (Event event : ordered) {
      engine.apply(event, state, ledger::add);
    }
    Score score =
        Score.of(LedgerScore.rawAt(ledger, asOf), LedgerScore.firingsAt(ledger, asOf), config);
    return new Result(ledger, score, state);
  }

  /** The ledger in canonical order, the score at the as-of instant, and the final rule state. */
  public record Result(List<Firing> ledger, Score score, RuleState state) {}
}
