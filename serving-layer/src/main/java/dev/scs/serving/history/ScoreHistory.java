package dev.scs.serving.history;

import java.time.Duration;
import java.util.List;

/** A citizen's score over time (InfluxDB measurement {@code score_change}). */
public interface ScoreHistory {

  /** The last score and raw value in each window of {@code every} between from and to. */
  List<HistoryPoint> history(String citizenId, long from, long to, Duration every);

  record HistoryPoint(long time, double score, double raw) {}
}
