package dev.scs.batch.recompute;

import java.io.Serializable;
import java.util.List;

/**
 * One rule's entry of a citizen's cooldown and cap state ({@code RuleState.snapshot()}): the event
 * times at which any version of the rule fired and that can still block a later firing. A Java bean
 * so that Spark can encode it inside a {@link CitizenOutcome}.
 */
public class RuleFiringTimes implements Serializable {
  private static final long serialVersionUID = 1L;

  private String ruleId;
  private List<Long> firingTimes;

  public RuleFiringTimes() {}

  public RuleFiringTimes(String ruleId, List<Long> firingTimes) {
    this.ruleId = ruleId;
    this.firingTimes = firingTimes;
  }

  public String getRuleId() {
    return ruleId;
  }

  public void setRuleId(String ruleId) {
    this.ruleId = ruleId;
  }

  /** Epoch milliseconds, ascending. */
  public List<Long> getFiringTimes() {
    return firingTimes;
  }

  public void setFiringTimes(List<Long> firingTimes) {
    this.firingTimes = firingTimes;
  }
}
