package dev.scs.scoring.engine;

import java.math.BigDecimal;

/**
 * A ledger entry: one rule version firing on one event (contract, section 4). Firings are the only
 * thing that changes a score, and each says which event, which rule version and how much.
 */
public record Firing(
    String eventId,
    String citizenId,
    String ruleId,
    int ruleVersion,
    long occurredAt,
    BigDecimal delta,
    long halfLifeMillis) {

  /**
   * {@code d * 2^(-(T - t) / H)} in double precision; nothing for a firing after {@code asOf}
   * (section 5).
   */
  public double contributionAt(long asOf) {
    if (occurredAt > asOf) {
      return 0.0;
    }
    return Decay.decay(delta.doubleValue(), asOf - occurredAt, halfLifeMillis);
  }
}
