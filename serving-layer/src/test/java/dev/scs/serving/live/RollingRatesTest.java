package dev.scs.serving.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RollingRatesTest {
  private static final long START = 1_000_000L;

  @Test
  void theRateDividesByTheSecondsCoveredSoFar() {
    RollingRates rates = new RollingRates(10, START);
    rates.record(START, 2);
    rates.record(START + 2_500, 4);

    RollingRates.Rates now = rates.rates(START + 3_999);
    assertThat(now.windowSeconds()).isEqualTo(4);
    assertThat(now.updatesPerSecond()).isEqualTo(0.5);
    assertThat(now.firingsPerSecond()).isEqualTo(1.5);
  }

  @Test
  void secondsOlderThanTheWindowNoLongerCountButStayInTheTotals() {
    RollingRates rates = new RollingRates(10, START);
    rates.record(START, 1);
    rates.record(START + 9_000, 1);

    assertThat(rates.rates(START + 9_000).updatesPerSecond()).isEqualTo(0.2);
    assertThat(rates.rates(START + 10_000).updatesPerSecond()).isEqualTo(0.1);
    // A bucket reused by a later round of the ring starts again from zero.
    rates.record(START + 20_000, 1);
    RollingRates.Rates later = rates.rates(START + 20_000);
    assertThat(later.updatesPerSecond()).isEqualTo(0.1);
    assertThat(later.updatesTotal()).isEqualTo(3);
    assertThat(later.firingsTotal()).isEqualTo(3);
  }
}
