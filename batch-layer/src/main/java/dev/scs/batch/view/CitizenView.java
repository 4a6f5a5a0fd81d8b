package dev.scs.batch.view;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.view.ScoreView;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * One citizen's {@link ScoreView} as a Spark row: per-half-life sums at the reference instant, the
 * latest firing ({@code null} when there is none) and the number of firings. The batch view and the
 * speed view are both stored in this shape (keyspace.cql: batch_view, speed_view).
 */
public class CitizenView implements Serializable {
  private static final long serialVersionUID = 1L;

  private String citizenId;
  private long referenceAt;
  private Map<Long, Double> sums;
  private Long latestFiringAt;
  private long firings;

  public CitizenView() {}

  /** The view of {@code firings} (in canonical order) at {@code referenceAt}. */
  public static CitizenView of(String citizenId, long referenceAt, Iterable<Firing> firings) {
    ScoreView view = ScoreView.empty(referenceAt);
    for (Firing firing : firings) {
      view.add(firing);
    }
    CitizenView row = new CitizenView();
    row.citizenId = citizenId;
    row.referenceAt = referenceAt;
    row.sums = new HashMap<>(view.sumsByHalfLife());
    row.latestFiringAt = view.firings() == 0 ? null : view.latestFiringAt();
    row.firings = view.firings();
    return row;
  }

  public ScoreView toScoreView() {
    return ScoreView.of(
        referenceAt, sums, latestFiringAt == null ? Long.MIN_VALUE : latestFiringAt, firings);
  }

  public String getCitizenId() {
    return citizenId;
  }

  public void setCitizenId(String citizenId) {
    this.citizenId = citizenId;
  }

  public long getReferenceAt() {
    return referenceAt;
  }

  public void setReferenceAt(long referenceAt) {
    this.referenceAt = referenceAt;
  }

  /** Half-life in milliseconds to the decayed sum of its firings at the reference instant. */
  public Map<Long, Double> getSums() {
    return sums;
  }

  public void setSums(Map<Long, Double> sums) {
    this.sums = sums;
  }

  public Long getLatestFiringAt() {
    return latestFiringAt;
  }

  public void setLatestFiringAt(Long latestFiringAt) {
    this.latestFiringAt = latestFiringAt;
  }

  public long getFirings() {
    return firings;
  }

  public void setFirings(long firings) {
    this.firings = firings;
  }
}
