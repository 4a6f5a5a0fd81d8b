package dev.scs.speed.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.time.Instants;
import dev.scs.scoring.view.ScoreView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpeedSideRebaseTest {
  private static final long DAY = 86_400_000L;
  private static final long W = at("2026-05-10T00:00:00Z");
  private static final PublishedRun RUN = new PublishedRun("run-2", W);

  @Test
  void aStaleCitizenGetsExactlyTheLedgersFiringsSinceWAndTheRunsStatePlusTheirTimes() {
    Firing early = firing("e-1", "tax", "2026-05-09T00:00:00Z", "10");
    Firing late = firing("e-2", "tax", "2026-05-11T00:00:00Z", "-4.5");
    Firing other = firing("e-3", "donation", "2026-05-11T00:00:00Z", "2");
    // Stored before the run: a view and a state counting from an earlier watermark.
    CitizenState stored =
        new CitizenState(
            Map.of("tax", new long[] {at("2026-05-01T00:00:00Z")}, "gone", new long[] {1L}),
            new StoredView(0L, Map.of(180 * DAY, 99.0), 1L, 7),
            at("2026-05-01T00:00:00Z"),
            new StoredView(W, Map.of(180 * DAY, 3.0), W - DAY, 2));

    CitizenState rebased =
        SpeedSideRebase.rebase(
            RUN,
            Map.of("tax", new long[] {at("2026-05-08T00:00:00Z"), at("2026-05-09T00:00:00Z")}),
            List.of(other, late, early),
            stored);

    assertThat(rebased.isRelativeTo(RUN)).isTrue();
    assertThat(rebased.speedViewWatermark()).isEqualTo(W);
    ScoreView expected = ScoreView.empty(W);
    List.of(early, late, other).forEach(expected::add);
    assertThat(rebased.speedView().firings()).isEqualTo(3);
    assertThat(rebased.speedView().referenceAt()).isEqualTo(W);
    assertThat(rebased.speedView().toScoreView().rawAt(at("2026-05-12T00:00:00Z")))
        .isCloseTo(expected.rawAt(at("2026-05-12T00:00:00Z")), within(1e-12));
    assertThat(rebased.ruleState()).containsOnlyKeys("tax", "donation");
    // The run's firing on 05-09 and the speed layer's firing of e-1 at the same instant are two
    // firings (e-1 was ingested after W, the run's was not): both count toward a cap.
    assertThat(rebased.ruleState().get("tax"))
        .containsExactly(
            at("2026-05-08T00:00:00Z"),
            at("2026-05-09T00:00:00Z"),
            at("2026-05-09T00:00:00Z"),
            at("2026-05-11T00:00:00Z"));
    assertThat(rebased.storedRuleIds())
        .as("deleted unless rebuilt")
        .isEqualTo(Set.of("tax", "gone"));
    assertThat(rebased.batchView()).isEqualTo(stored.batchView());
  }

  @Test
  void aCitizenWithNoSpeedFiringSinceWGetsAnEmptyViewTaggedWithW() {
    CitizenState rebased =
        SpeedSideRebase.rebase(
            RUN, Map.of("tax", new long[] {W - DAY}), List.of(), CitizenState.NONE);

    assertThat(rebased.speedView().firings()).isZero();
    assertThat(rebased.speedView().sumsByHalfLife()).isEmpty();
    assertThat(rebased.speedViewWatermark()).isEqualTo(W);
    assertThat(rebased.ruleState().get("tax")).containsExactly(W - DAY);
  }

  @Test
  void stateIsRelativeToTheRunItsViewIsTaggedWith() {
    CitizenState untagged = new CitizenState(Map.of(), null, null, null);
    CitizenState tagged = new CitizenState(Map.of(), null, W, null);

    assertThat(untagged.isRelativeTo(null)).isTrue();
    assertThat(untagged.isRelativeTo(RUN)).isFalse();
    assertThat(tagged.isRelativeTo(RUN)).isTrue();
    assertThat(tagged.isRelativeTo(new PublishedRun("run-3", W + 1))).isFalse();
  }

  private static Firing firing(String eventId, String ruleId, String at, String delta) {
    return new Firing(eventId, "c-1", ruleId, 1, at(at), new BigDecimal(delta), 180 * DAY);
  }

  private static long at(String instant) {
    return Instants.parseOrThrow(instant, "instant");
  }
}
