package dev.scs.scoring.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scs.scoring.engine.Firing;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract sections 5 and 7: decay, and views as per-half-life sums. */
class ScoreViewTest {
  private static final long DAY = 86_400_000L;

  private static Firing firing(long at, String delta, long halfLife) {
    return new Firing("e", "c", "r", 1, at, new BigDecimal(delta), halfLife);
  }

  @Test
  void aFiringHalvesAfterOneHalfLifeAndCountsInFullAtItsOwnInstant() {
    Firing firing = firing(0, "-10.00", 10 * DAY);

    assertThat(firing.contributionAt(0)).isEqualTo(-10.0);
    assertThat(firing.contributionAt(10 * DAY)).isCloseTo(-5.0, within(1e-12));
    assertThat(firing.contributionAt(-1)).isZero();
  }

  @Test
  void aViewKeepsOneSumPerHalfLifeAndMovesEachByItsOwnHalfLife() {
    ScoreView view = ScoreView.empty(0);
    view.add(firing(0, "8", DAY));
    view.add(firing(0, "8", 2 * DAY));

    assertThat(view.sumsByHalfLife()).containsOnlyKeys(DAY, 2 * DAY);
    assertThat(view.rawAt(2 * DAY)).isCloseTo(2.0 + 4.0, within(1e-12));
  }

  @Test
  void aViewIncludesFiringsAfterItsReferenceInstantAndIsExactFromTheLatestFiringOn() {
    ScoreView view = ScoreView.empty(0);
    view.add(firing(5 * DAY, "10", DAY));

    assertThat(view.isExactAt(4 * DAY)).isFalse();
    assertThat(view.rawAt(5 * DAY)).isCloseTo(10.0, within(1e-9));
    assertThatThrownBy(() -> view.rawAt(4 * DAY)).isInstanceOf(IllegalArgumentException.class);
    assertThat(LedgerScore.rawAt(List.of(firing(5 * DAY, "10", DAY)), 4 * DAY)).isZero();
  }

  @Test
  void viewsAtDifferentInstantsAddAfterMovingToTheSameOne() {
    ScoreView batch = ScoreView.empty(0);
    batch.add(firing(0, "4", DAY));
    ScoreView speed = ScoreView.empty(3 * DAY);
    speed.add(firing(2 * DAY, "4", DAY));

    ScoreView merged = batch.movedTo(3 * DAY).plus(speed);

    assertThat(merged.rawAt(3 * DAY)).isCloseTo(0.5 + 2.0, within(1e-12));
    assertThat(merged.firings()).isEqualTo(2);
    assertThat(merged.latestFiringAt()).isEqualTo(2 * DAY);
  }
}
