package dev.scs.simulator.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

  @Test
  void shortFormsAndIsoDurationsAreRead() {
    assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationText.parse("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(DurationText.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(DurationText.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void anythingElseIsRefusedWithExamples() {
    assertThatThrownBy(() -> DurationText.parse("ten minutes"))
        .hasMessage(
            "'ten minutes' is not a duration: write 90s, 10m, 2h, 1d or ISO-8601 such as PT10M");
  }
}
