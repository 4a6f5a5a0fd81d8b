package dev.scs.serving.score;

import static dev.scs.serving.support.Scoring.DAY;
import static dev.scs.serving.support.Scoring.at;
import static dev.scs.serving.support.Scoring.firing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.view.LedgerScore;
import dev.scs.scoring.view.Score;
import dev.scs.serving.support.FakeCitizenDirectory;
import dev.scs.serving.support.FakeViewStore;
import dev.scs.serving.support.Scoring;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreServiceTest {
  private static final ScoringConfig CONFIG = Scoring.defaultConfig();
  private static final long W = at("2026-05-01T00:00:00Z");
  private static final long NOW = at("2026-05-03T00:00:00Z");

  private final FakeViewStore views = new FakeViewStore();
  private final FakeCitizenDirectory citizens = new FakeCitizenDirectory();
  private final ScoreService service = new ScoreService(views, citizens, () -> CONFIG, () -> NOW);

  private final List<Firing> batchFirings =
      List.of(
          firing("c1", "e1", "2026-04-01T00:00:00Z", "10"),
          firing("c1", "e2", "2026-04-20T00:00:00Z", "-25.5"));
  private final Firing speedFiring = firing("c1", "e3", "2026-05-02T00:00:00Z", "7.25");

  /** The contract's score from every firing at once (section 5), to compare the merge with. */
  private static Score expected(List<Firing> ledger, long asOf) {
    return Score.of(LedgerScore.rawAt(ledger, asOf), LedgerScore.firingsAt(ledger, asOf), CONFIG);
  }

  @Test
  void aBatchViewMovedToAsOfGivesTheContractsScore() {
    views.publishBatch("r1", W, batchFirings);

    ServedScore served = service.scoreAt("c1", NOW);

    Score expected = expected(batchFirings, NOW);
    assertThat(served.raw()).isCloseTo(expected.raw(), within(1e-9));
    assertThat(served.score()).isEqualByComparingTo(expected.score());
    assertThat(served.tier()).isEqualTo(expected.tier());
    assertThat(served.firings()).isEqualTo(2);
    assertThat(served.path()).isEqualTo(ServedScore.VIEWS_PATH);
    assertThat(served.batchRunId()).isEqualTo("r1");
    assertThat(served.watermark()).isEqualTo(W);
    assertThat(served.stalenessMillis()).isEqualTo(NOW - W);
  }

  @Test
  void theSpeedViewOfThePublishedWatermarkIsAddedToTheBatchPart() {
    views.publishBatch("r1", W, batchFirings).streamed(speedFiring, W + DAY, W);

    ServedScore served = service.scoreAt("c1", NOW);

    List<Firing> all = new ArrayList<>(batchFirings);
    all.add(speedFiring);
    assertThat(served.raw()).isCloseTo(expected(all, NOW).raw(), within(1e-9));
    assertThat(served.speedRaw()).isCloseTo(speedFiring.contributionAt(NOW), within(1e-9));
    assertThat(served.speedSource()).isEqualTo(ServedScore.FROM_SPEED_VIEW);
    assertThat(served.speedUpdatedAt()).isEqualTo(W + DAY);
    assertThat(served.firings()).isEqualTo(3);
    assertThat(views.speedLedgerReads).isZero();
  }

  @Test
  void aSpeedViewOfAnotherWatermarkIsReplacedByTheLedgerRowsIngestedSinceThePublishedOne() {
    Firing alreadyInBatch = batchFirings.get(1);
    views
        .streamed(alreadyInBatch, W - DAY, null)
        .publishBatch("r1", W, batchFirings)
        .streamed(speedFiring, W + DAY, null);

    ServedScore served = service.scoreAt("c1", NOW);

    List<Firing> all = new ArrayList<>(batchFirings);
    all.add(speedFiring);
    assertThat(served.speedSource()).isEqualTo(ServedScore.FROM_LEDGER);
    assertThat(served.speedFirings()).isEqualTo(1);
    assertThat(served.raw()).isCloseTo(expected(all, NOW).raw(), within(1e-9));
  }

  @Test
  void aMissingSpeedViewRowIsComputedFromTheLedger() {
    views
        .publishBatch("r1", W, batchFirings)
        .streamed(speedFiring, W + DAY, W)
        .withoutSpeedView("c1");

    ServedScore served = service.scoreAt("c1", NOW);

    assertThat(served.speedSource()).isEqualTo(ServedScore.FROM_LEDGER);
    assertThat(served.speedRaw()).isCloseTo(speedFiring.contributionAt(NOW), within(1e-9));
  }

  @Test
  void aPastAsOfSumsTheLedgersFiringsUpToIt() {
    views.publishBatch("r1", W, batchFirings).streamed(speedFiring, W + DAY, W);
    long past = at("2026-04-10T00:00:00Z");

    ServedScore served = service.scoreAt("c1", past);

    assertThat(served.path()).isEqualTo(ServedScore.LEDGER_PATH);
    assertThat(served.firings()).isEqualTo(1);
    assertThat(served.raw()).isCloseTo(batchFirings.get(0).contributionAt(past), within(1e-12));
    assertThat(served.speedFirings()).isZero();
  }

  @Test
  void bothPathsAgreeWhereBothApply() {
    views.publishBatch("r1", W, batchFirings).streamed(speedFiring, W + DAY, W);
    long betweenTheViews = at("2026-05-01T12:00:00Z");

    ServedScore ledgerPath = service.scoreAt("c1", betweenTheViews);
    List<Firing> all = new ArrayList<>(batchFirings);
    all.add(speedFiring);

    assertThat(ledgerPath.path()).isEqualTo(ServedScore.LEDGER_PATH);
    assertThat(ledgerPath.raw())
        .isCloseTo(expected(batchFirings, betweenTheViews).raw(), within(1e-6));
    ServedScore viewsPath = service.scoreAt("c1", at("2026-05-02T00:00:00Z"));
    assertThat(viewsPath.path()).isEqualTo(ServedScore.VIEWS_PATH);
    assertThat(viewsPath.raw())
        .isCloseTo(expected(all, at("2026-05-02T00:00:00Z")).raw(), within(1e-6));
  }

  @Test
  void withoutAPublishedRunTheSpeedViewIsTheWholeScore() {
    views.streamed(speedFiring, W + DAY, null);

    ServedScore served = service.scoreAt("c1", NOW);

    assertThat(served.batchRunId()).isNull();
    assertThat(served.watermark()).isNull();
    assertThat(served.stalenessMillis()).isNull();
    assertThat(served.speedSource()).isEqualTo(ServedScore.FROM_SPEED_VIEW);
    assertThat(served.raw()).isCloseTo(speedFiring.contributionAt(NOW), within(1e-12));
  }

  @Test
  void aRegisteredCitizenWithoutFiringsHasTheBaseScore() {
    citizens.register("c9");

    ServedScore served = service.scoreAt("c9", NOW);

    assertThat(served.raw()).isZero();
    assertThat(served.score()).isEqualByComparingTo(new BigDecimal("1000.00"));
    assertThat(served.tier()).isEqualTo("standard");
    assertThat(served.firings()).isZero();
  }

  @Test
  void aCitizenNeitherRegisteredNorScoredIsNotFound() {
    views.publishBatch("r1", W, batchFirings);

    assertThatThrownBy(() -> service.scoreAt("nobody", NOW))
        .isInstanceOf(CitizenNotFoundException.class)
        .hasMessageContaining("nobody");
  }
}
