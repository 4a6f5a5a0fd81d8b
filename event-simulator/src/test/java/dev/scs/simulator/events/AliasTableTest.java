package dev.scs.simulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AliasTableTest {

  @Test
  void indexesAreDrawnInProportionToTheirWeights() {
    AliasTable table = new AliasTable(new double[] {1, 0, 3, 6});
    SplittableRandom random = new SplittableRandom(1);
    int[] drawn = new int[4];
    for (int i = 0; i < 1_000_000; i++) {
      drawn[table.sample(random)]++;
    }

    assertThat(drawn[0] / 1e6).isCloseTo(0.1, within(0.003));
    assertThat(drawn[1]).isZero();
    assertThat(drawn[2] / 1e6).isCloseTo(0.3, within(0.003));
    assertThat(drawn[3] / 1e6).isCloseTo(0.6, within(0.003));
  }

  @Test
  void weightsThatCannotBeDrawnFromAreRefused() {
    assertThatThrownBy(() -> new AliasTable(new double[0])).hasMessageContaining("at least one");
    assertThatThrownBy(() -> new AliasTable(new double[] {0, 0})).hasMessageContaining("positive");
    assertThatThrownBy(() -> new AliasTable(new double[] {1, -1})).hasMessageContaining("negative");
  }
}
