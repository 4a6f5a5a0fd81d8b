package dev.scs.serving.support;

import dev.scs.schemas.ContractFile;
import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.time.Instants;
import java.math.BigDecimal;

/** The default scoring config and firings written tersely. */
public final class Scoring {
  public static final long DAY = 86_400_000L;

  private Scoring() {}

  public static ScoringConfig defaultConfig() {
    try {
      return ScoringConfigParser.parse(ContractFile.DEFAULT_CONFIG.read());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static long at(String instant) {
    return Instants.parseOrThrow(instant, "instant");
  }

  public static Firing firing(String citizen, String eventId, String instant, String delta) {
    return new Firing(
        eventId, citizen, "payment-on-time", 1, at(instant), new BigDecimal(delta), 30 * DAY);
  }
}
