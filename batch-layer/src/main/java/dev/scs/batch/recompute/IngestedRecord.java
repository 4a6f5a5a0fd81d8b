package dev.scs.batch.recompute;

import java.io.Serializable;

/**
 * One record as ingested, before validation: its position in ingestion order (the line number in
 * {@code replay}; in the nightly run, the archive's order), its text, and its ingestion instant. A
 * Java bean so that Spark can encode it.
 */
public class IngestedRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  private long sequence;
  private String value;
  private long ingestedAt;

  public IngestedRecord() {}

  public IngestedRecord(long sequence, String value, long ingestedAt) {
    this.sequence = sequence;
    this.value = value;
    this.ingestedAt = ingestedAt;
  }

  public long getSequence() {
    return sequence;
  }

  public void setSequence(long sequence) {
    this.sequence = sequence;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public long getIngestedAt() {
    return ingestedAt;
  }

  public void setIngestedAt(long ingestedAt) {
    this.ingestedAt = ingestedAt;
  }
}
