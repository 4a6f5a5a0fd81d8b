package dev.scs.scoring.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The scoring config (contract, section 6). Build one with {@link ScoringConfigParser}; {@code
 * tiers} are sorted by ascending {@code min}.
 */
public record ScoringConfig(
    double baseScore,
    double minScore,
    double maxScore,
    long defaultHalfLifeMillis,
    long maxFutureSkewMillis,
    List<Tier> tiers) {

  /**
   * {@code raw + base_score}, clamped to [min_score, max_score], rounded half-even to 2 decimal
   * places from the exact binary value of the double (section 5).
   */
  public BigDecimal score(double raw) {
    double clamped = Math.max(minScore, Math.min(maxScore, raw + baseScore));
    return new BigDecimal(clamped).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** The tier with the greatest min at or below the score, or {@code null} below every tier. */
  public String tier(BigDecimal score) {
    String name = null;
    for (Tier tier : tiers) {
      if (tier.min().compareTo(score) <= 0) {
        name = tier.name();
      }
    }
    return name;
  }
}
