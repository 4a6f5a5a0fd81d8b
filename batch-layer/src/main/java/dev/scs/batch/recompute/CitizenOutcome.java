package dev.scs.batch.recompute;

import java.io.Serializable;
import java.util.List;

/** One citizen's canonical replay: the score at the as-of instant and the whole ledger. */
public class CitizenOutcome implements Serializable {
  private static final long serialVersionUID = 1L;

  private String citizenId;
  private double raw;
  private String score;
  private String tier;
  private long firings;
  private long events;
  private List<LedgerEntry> ledger;
  private List<RuleFiringTimes> ruleState;

  public CitizenOutcome() {}

  public String getCitizenId() {
    return citizenId;
  }

  public void setCitizenId(String citizenId) {
    this.citizenId = citizenId;
  }

  public double getRaw() {
    return raw;
  }

  public void setRaw(double raw) {
    this.raw = raw;
  }

  /** The displayed score as a decimal string with two places. */
  public String getScore() {
    return score;
  }

  public void setScore(String score) {
    this.score = score;
  }

  public String getTier() {
    return tier;
  }

  public void setTier(String tier) {
    this.tier = tier;
  }

  /** Ledger entries at or before the as-of instant. */
  public long getFirings() {
    return firings;
  }

  public void setFirings(long firings) {
    this.firings = firings;
  }

  /** Accepted, de-duplicated events replayed for this citizen. */
  public long getEvents() {
    return events;
  }

  public void setEvents(long events) {
    this.events = events;
  }

  /** Every firing in canonical order, later than the as-of instant included. */
  public List<LedgerEntry> getLedger() {
    return ledger;
  }

  public void setLedger(List<LedgerEntry> ledger) {
    this.ledger = ledger;
  }

  /**
   * The cooldown and cap state after the citizen's last event, by rule_id: where the speed layer
   * continues after a batch run (contract, section 7).
   */
  public List<RuleFiringTimes> getRuleState() {
    return ruleState;
  }

  public void setRuleState(List<RuleFiringTimes> ruleState) {
    this.ruleState = ruleState;
  }
}
