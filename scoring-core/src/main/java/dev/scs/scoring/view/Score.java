package dev.scs.scoring.view;

import dev.scs.scoring.config.ScoringConfig;
import java.math.BigDecimal;

/** A citizen's score at an instant: raw sum, displayed score, tier, and firings up to then. */
public record Score(double raw, BigDecimal score, String tier, long firings) {

  public static Score of(double raw, long firings, ScoringConfig config) {
    BigDecimal score = config.score(raw);
    return new Score(raw, score, config.tier(score), firings);
  }
}
