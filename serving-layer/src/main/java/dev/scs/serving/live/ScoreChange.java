package dev.scs.serving.live;

import java.math.BigDecimal;

/**
 * What one score update changed, as the dashboard lists it.
 *
 * @param previousScore {@code null} when the feed had not seen the citizen since it started
 * @param previousTier {@code null} likewise
 * @param newFirings firings since the citizen's previous update; {@code null} when there was none,
 *     since the record's count includes every earlier firing
 * @param receivedAtMillis when the feed read the record (wall clock)
 */
public record ScoreChange(
    String citizenId,
    BigDecimal score,
    BigDecimal previousScore,
    String tier,
    String previousTier,
    Long newFirings,
    String asOf,
    long receivedAtMillis) {

  static ScoreChange between(ScoreUpdate previous, ScoreUpdate current, long receivedAtMillis) {
    if (previous == null) {
      return new ScoreChange(
          current.citizenId(),
          current.score(),
          null,
          current.tier(),
          null,
          null,
          current.asOf(),
          receivedAtMillis);
    }
    // A count that went down means a replayed or reset history; it adds no firings.
    long added = Math.max(0, current.firings() - previous.firings());
    return new ScoreChange(
        current.citizenId(),
        current.score(),
        previous.score(),
        current.tier(),
        previous.tier(),
        added,
        current.asOf(),
        receivedAtMillis);
  }

  /** The firings this change adds to the rates: none when they are not known. */
  long firingsForRates() {
    return newFirings == null ? 0 : newFirings;
  }
}
