package dev.scs.batch.view;

import java.io.Serializable;

/** A citizen's merged (batch + speed) score at an instant, as a Spark row. */
public class ServedScore implements Serializable {
  private static final long serialVersionUID = 1L;

  private String citizenId;
  private double raw;
  private String score;
  private String tier;
  private long firings;
  private long asOf;
  private Double storedRaw;
  private Long storedAt;

  public ServedScore() {}

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

  /** The displayed score, a decimal string with two places. */
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

  public long getFirings() {
    return firings;
  }

  public void setFirings(long firings) {
    this.firings = firings;
  }

  /** The instant the score is for (epoch ms). */
  public long getAsOf() {
    return asOf;
  }

  public void setAsOf(long asOf) {
    this.asOf = asOf;
  }

  /**
   * The raw score stored in MongoDB when the run read it ({@code null} when none): with {@link
   * #getStoredAt}, the stamp a reconcile checks, so it never overwrites a newer speed-layer score.
   */
  public Double getStoredRaw() {
    return storedRaw;
  }

  public void setStoredRaw(Double storedRaw) {
    this.storedRaw = storedRaw;
  }

  /** score_updated_at stored in MongoDB when the run read it, epoch ms ({@code null} when none). */
  public Long getStoredAt() {
    return storedAt;
  }

  public void setStoredAt(Long storedAt) {
    this.storedAt = storedAt;
  }
}
