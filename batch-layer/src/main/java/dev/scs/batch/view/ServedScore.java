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
}
