package dev.scs.batch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShufflePartitionsTest {

  @Test
  void tenMillionArchivedRowsGetFortyPartitionsMoreThanTheThirtyTwoThatRan() {
    ShufflePartitions.Choice choice = ShufflePartitions.auto().choose(10_000_000, 8);

    assertThat(choice.partitions()).isEqualTo(40);
    assertThat(choice.describe())
        .isEqualTo("shuffle partitions: 40 (auto: 10 000 000 archived rows / 250 000)");
  }

  @Test
  void aPartlyFilledPartitionCountsAsOne() {
    assertThat(ShufflePartitions.auto().choose(2_500_001, 4).partitions()).isEqualTo(11);
  }

  @Test
  void aSmallArchiveKeepsTheSessionsPartitions() {
    ShufflePartitions.Choice choice = ShufflePartitions.auto().choose(1_000_000, 8);

    assertThat(choice.partitions()).isEqualTo(8);
    assertThat(choice.reason())
        .isEqualTo("auto: 1 000 000 archived rows / 250 000 = 4, raised to the session's 8");
    assertThat(ShufflePartitions.auto().choose(0, 8).partitions()).isEqualTo(8);
  }

  @Test
  void autoStopsAtTheCapAndSaysHowToGoBeyondIt() {
    ShufflePartitions.Choice choice = ShufflePartitions.auto().choose(1_000_000_000, 8);

    assertThat(choice.partitions()).isEqualTo(ShufflePartitions.MAX_AUTO).isEqualTo(2_000);
    assertThat(choice.reason()).endsWith("= 4 000, capped at 2 000; pass --partitions");
  }

  @Test
  void aSessionAboveTheCapIsNotLowered() {
    assertThat(ShufflePartitions.auto().choose(1_000_000_000, 3_000).partitions()).isEqualTo(3_000);
  }

  @Test
  void anExplicitNumberWinsWhateverTheArchive() {
    ShufflePartitions given = ShufflePartitions.given(32);

    assertThat(given.isAuto()).isFalse();
    assertThat(given.choose(100_000_000, 8).describe())
        .isEqualTo("shuffle partitions: 32 (given with --partitions)");
    assertThat(given.choose(10, 8).partitions()).isEqualTo(32);
  }

  @Test
  void autoIsTheDefaultOfTheRunSettings() {
    assertThat(ShufflePartitions.auto().isAuto()).isTrue();
    assertThat(dev.scs.batch.run.BatchRunSettings.defaults().shufflePartitions())
        .isEqualTo(ShufflePartitions.auto());
  }

  @Test
  void noPartitionsIsRefused() {
    assertThatThrownBy(() -> ShufflePartitions.given(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--partitions must be positive, but was 0");
  }
}
