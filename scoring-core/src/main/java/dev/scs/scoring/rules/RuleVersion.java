package dev.scs.scoring.rules;

import dev.scs.scoring.event.EventType;

/**
 * One version of a rule. {@code cooldownMillis} is 0 when the rule has none, {@code cap} and {@code
 * halfLifeMillis} are {@code null} when absent ({@code half_life} then falls back to the config's
 * default), {@code effectiveTo} is {@link Long#MAX_VALUE} when open-ended.
 */
public record RuleVersion(
    String ruleId,
    int version,
    EventType eventType,
    Condition condition,
    Points points,
    long cooldownMillis,
    Cap cap,
    Long halfLifeMillis,
    long effectiveFrom,
    long effectiveTo,
    boolean enabled,
    String description) {

  /** True when this version is in force at event time {@code occurredAt}. */
  public boolean isEffectiveAt(long occurredAt) {
    return effectiveFrom <= occurredAt && occurredAt < effectiveTo;
  }

  /** How long a firing of this version can still block a later one, through cooldown or cap. */
  public long stateRetentionMillis() {
    return Math.max(cooldownMillis, cap == null ? 0 : cap.windowMillis());
  }

  public String key() {
    return ruleId + ":" + version;
  }
}
