package dev.scs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  @Test
  void cpuTicksAreUserPlusSystemTimeEvenWhenTheCommandNameHoldsSpacesAndParentheses() {
    String stat =
        "4242 (dgraph (alpha) x) S 1 4242 4242 0 -1 4194560 1 0 0 0 1500 250 7 9 20 0 30 0 99"
            + " 6203052 115712";

    assertThat(ProcStat.cpuTicks(stat)).isEqualTo(1750);
  }
}
