package dev.scs.scoring.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One citizen's cooldown and cap state: when each rule last fired. The batch layer stores it as of
 * its watermark, and the speed layer continues from there (contract, section 7).
 */
public final class RuleState {
  private final Map<String, FiringTimes> byRuleId = new HashMap<>();

  public static RuleState empty() {
    return new RuleState();
  }

  /** Restores state from {@link #snapshot()}: rule_id to firing times (epoch ms). */
  public static RuleState restore(Map<String, long[]> firingTimesByRuleId) {
    RuleState state = new RuleState();
    firingTimesByRuleId.forEach(
        (ruleId, times) -> state.byRuleId.put(ruleId, FiringTimes.of(times)));
    return state;
  }

  /** rule_id to the firing times still able to block a later firing, sorted by rule_id. */
  public Map<String, long[]> snapshot() {
    Map<String, long[]> snapshot = new TreeMap<>();
    byRuleId.forEach(
        (ruleId, times) -> {
          long[] values = times.toArray();
          if (values.length > 0) {
            snapshot.put(ruleId, values);
          }
        });
    return snapshot;
  }

  boolean blocks(
      String ruleId,
      long occurredAt,
      long cooldownMillis,
      long capMax,
      long capWindow,
      boolean hasCap) {
    FiringTimes times = byRuleId.get(ruleId);
    if (times == null) {
      return hasCap && capMax <= 0;
    }
    return times.inCooldown(occurredAt, cooldownMillis)
        || (hasCap && times.capReached(occurredAt, capMax, capWindow));
  }

  void record(String ruleId, long occurredAt, long retentionMillis) {
    byRuleId.computeIfAbsent(ruleId, id -> new FiringTimes()).record(occurredAt, retentionMillis);
  }
}
