package dev.scs.serving.score;

import java.math.BigDecimal;

/**
 * A citizen's score at an instant as served (contract, section 9), with where it came from.
 *
 * @param path {@code views} (batch view moved to as_of plus the speed part) or {@code ledger}
 * @param speedSource {@code speed_view}, or {@code ledger} when the speed view row was missing or
 *     counted from another watermark
 * @param speedUpdatedAt reference instant of the speed view row used, {@code null} otherwise
 * @param stalenessMillis now minus the published watermark, {@code null} without a published run
 */
public record ServedScore(
    String citizenId,
    long asOf,
    double raw,
    BigDecimal score,
    String tier,
    long firings,
    String path,
    String batchRunId,
    Long watermark,
    double batchRaw,
    long batchFirings,
    double speedRaw,
    long speedFirings,
    String speedSource,
    Long speedUpdatedAt,
    Long stalenessMillis) {

  public static final String VIEWS_PATH = "views";
  public static final String LEDGER_PATH = "ledger";
  public static final String FROM_SPEED_VIEW = "speed_view";
  public static final String FROM_LEDGER = "ledger";
}
