package dev.scs.speed.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaLagTest {

  @Test
  void theLagIsTheSumOverPartitionsOfLatestMinusRead() {
    assertThat(
            KafkaLag.between(
                "{\"events\":{\"0\":100,\"1\":50}}", "{\"events\":{\"0\":130,\"1\":50}}"))
        .isEqualTo(30);
  }

  @Test
  void aPartitionNotReadYetCountsWhole() {
    assertThat(KafkaLag.between("{\"events\":{\"0\":10}}", "{\"events\":{\"0\":10,\"1\":7}}"))
        .isEqualTo(7);
  }

  @Test
  void offsetsThatAreNotKafkaOffsetsGiveAnUnknownLag() {
    assertThat(KafkaLag.between("3", "5")).isEqualTo(-1);
    assertThat(KafkaLag.between(null, "{\"events\":{\"0\":1}}")).isEqualTo(-1);
  }
}
