package dev.scs.batch.recompute;

import java.io.Serializable;

/**
 * A record after validation: accepted ({@code reason} null) with the fields the recompute groups
 * and orders by, or rejected with the contract's reason and what was wrong.
 */
public class ValidatedRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  private long sequence;
  private long ingestedAt;
  private String eventId;
  private String citizenId;
  private long occurredAt;
  private String reason;
  private String detail;
  private String value;

  public ValidatedRecord() {}

  public long getSequence() {
    return sequence;
  }

  public void setSequence(long sequence) {
    this.sequence = sequence;
  }

  /** When the record was ingested (epoch ms); duplicates keep the first ingested copy. */
  public long getIngestedAt() {
    return ingestedAt;
  }

  public void setIngestedAt(long ingestedAt) {
    this.ingestedAt = ingestedAt;
  }

  public String getEventId() {
    return eventId;
  }

  public void setEventId(String eventId) {
    this.eventId = eventId;
  }

  public String getCitizenId() {
    return citizenId;
  }

  public void setCitizenId(String citizenId) {
    this.citizenId = citizenId;
  }

  public long getOccurredAt() {
    return occurredAt;
  }

  public void setOccurredAt(long occurredAt) {
    this.occurredAt = occurredAt;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getDetail() {
    return detail;
  }

  public void setDetail(String detail) {
    this.detail = detail;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
