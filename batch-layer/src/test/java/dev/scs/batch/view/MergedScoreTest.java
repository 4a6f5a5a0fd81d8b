package dev.scs.batch.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.config.Tier;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.view.LedgerScore;
import dev.scs.scoring.view.Score;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergedScoreTest {
  private static final long DAY = 86_400_000L;
  private static final long W = 100 * DAY;
  private static final ScoringConfig CONFIG =
      new ScoringConfig(
          1000,
          0,
          2000,
          180 * DAY,
          300_000,
          List.of(new Tier("low", BigDecimal.ZERO), new Tier("high", new BigDecimal("1000"))));

  private static Firing firing(String eventId, long at, String delta, long halfLife) {
    return new Firing(eventId, "c-1", "rule", 1, at, new BigDecimal(delta), halfLife);
  }

  private final List<Firing> batch =
      List.of(firing("e1", 10 * DAY, "-40", 180 * DAY), firing("e2", 90 * DAY, "25.5", 30 * DAY));
  private final List<Firing> speed =
      List.of(firing("e3", 101 * DAY, "-7", 180 * DAY), firing("e4", 103 * DAY, "3", 30 * DAY));

  @Test
  void afterTheLatestFiringTheMovedViewsGiveTheLedgersScore() {
    long instant = 120 * DAY;
    List<Firing> all = new ArrayList<>(batch);
    all.addAll(speed);

    Score merged = MergedScore.at(batch, W, speed, instant, CONFIG);

    assertThat(merged.raw()).isCloseTo(LedgerScore.rawAt(all, instant), within(1e-9));
    assertThat(merged.firings()).isEqualTo(4);
    assertThat(merged.score()).isEqualTo(CONFIG.score(merged.raw()));
  }

  @Test
  void beforeTheLatestFiringTheLedgerPathLeavesLaterFiringsOut() {
    long instant = 102 * DAY;

    Score merged = MergedScore.at(batch, W, speed, instant, CONFIG);

    List<Firing> upToInstant = new ArrayList<>(batch);
    upToInstant.add(speed.get(0));
    assertThat(merged.raw()).isCloseTo(LedgerScore.rawAt(upToInstant, instant), within(1e-9));
    assertThat(merged.firings()).isEqualTo(3);
  }

  @Test
  void aCitizenWithOnlySpeedFiringsIsScoredFromThemAlone() {
    Score merged = MergedScore.at(List.of(), W, speed, 200 * DAY, CONFIG);

    assertThat(merged.raw()).isCloseTo(LedgerScore.rawAt(speed, 200 * DAY), within(1e-9));
    assertThat(merged.tier()).isEqualTo("low");
  }
}
