package dev.scs.scoring.engine;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.rules.Cap;
import dev.scs.scoring.rules.RuleSet;
import dev.scs.scoring.rules.RuleVersion;
import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * Evaluates one event against the rule set and a citizen's cooldown and cap state (contract,
 * sections 3 and 4). The caller chooses the order of events: canonical in replay and batch, arrival
 * order in the speed layer.
 */
public final class FiringEngine {
  private final RuleSet rules;
  private final long defaultHalfLifeMillis;

  public FiringEngine(RuleSet rules, ScoringConfig config) {
    this.rules = rules;
    this.defaultHalfLifeMillis = config.defaultHalfLifeMillis();
  }

  public RuleSet rules() {
    return rules;
  }

  /** Evaluates applicable versions in rule_id order; each that passes cooldown and cap fires. */
  public void apply(Event event, RuleState state, Consumer<Firing> firings) {
    long occurredAt = event.occurredAt();
    for (RuleVersion version : rules.applicableTo(event)) {
      BigDecimal delta = version.points().evaluate(event.document());
      if (delta == null) {
        continue; // the points field is missing or not a number: the rule does not fire
      }
      Cap cap = version.cap();
      if (state.blocks(
          version.ruleId(),
          occurredAt,
          version.cooldownMillis(),
          cap == null ? 0 : cap.max(),
          cap == null ? 0 : cap.windowMillis(),
          cap != null)) {
        continue;
      }
      state.record(version.ruleId(), occurredAt, rules.stateRetentionMillis(version.ruleId()));
      firings.accept(
          new Firing(
              event.eventId(),
              event.citizenId(),
              version.ruleId(),
              version.version(),
              occurredAt,
              delta,
              version.halfLifeMillis() != null ? version.halfLifeMillis() : defaultHalfLifeMillis));
    }
  }
}
