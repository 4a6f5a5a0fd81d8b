package dev.scs.batch.recompute;

import dev.scs.scoring.engine.Firing;
import java.io.Serializable;

/**
 * A firing as a Spark row. {@code position} is its place in the citizen's canonical ledger, so that
 * the ledger can be written back in canonical order after a shuffle.
 */
public class LedgerEntry implements Serializable {
  private static final long serialVersionUID = 1L;

  private String citizenId;
  private int position;
  private String eventId;
  private String ruleId;
  private int ruleVersion;
  private long occurredAt;
  private String delta;
  private long halfLifeMillis;

  public LedgerEntry() {}

  static LedgerEntry of(Firing firing, int position) {
    LedgerEntry entry = new LedgerEntry();
    entry.citizenId = firing.citizenId();
    entry.position = position;
    entry.eventId = firing.eventId();
    entry.ruleId = firing.ruleId();
    entry.ruleVersion = firing.ruleVersion();
    entry.occurredAt = firing.occurredAt();
    entry.delta = firing.delta().toPlainString();
    entry.halfLifeMillis = firing.halfLifeMillis();
    return entry;
  }

  public Firing toFiring() {
    return new Firing(
        eventId,
        citizenId,
        ruleId,
        ruleVersion,
        occurredAt,
        new java.math.BigDecimal(delta),
        halfLifeMillis);
  }

  public String getCitizenId() {
    return citizenId;
  }

  public void setCitizenId(String citizenId) {
    this.citizenId = citizenId;
  }

  public int getPosition() {
    return position;
  }

  public void setPosition(int position) {
    this.position = position;
  }

  public String getEventId() {
    return eventId;
  }

  public void setEventId(String eventId) {
    this.eventId = eventId;
  }

  public String getRuleId() {
    return ruleId;
  }

  public void setRuleId(String ruleId) {
    this.ruleId = ruleId;
  }

  public int getRuleVersion() {
    return ruleVersion;
  }

  public void setRuleVersion(int ruleVersion) {
    this.ruleVersion = ruleVersion;
  }

  public long getOccurredAt() {
    return occurredAt;
  }

  public void setOccurredAt(long occurredAt) {
    this.occurredAt = occurredAt;
  }

  public String getDelta() {
    return delta;
  }

  public void setDelta(String delta) {
    this.delta = delta;
  }

  public long getHalfLifeMillis() {
    return halfLifeMillis;
  }

  public void setHalfLifeMillis(long halfLifeMillis) {
    this.halfLifeMillis = halfLifeMillis;
  }
}
