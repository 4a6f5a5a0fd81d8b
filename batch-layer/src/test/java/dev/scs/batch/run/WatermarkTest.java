package dev.scs.batch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WatermarkTest {

  @Test
  void theRunIdIsTheWatermarkInACompactUtcForm() {
    assertThat(Watermark.parse("2026-05-01T09:13:00.250+02:00", "--watermark").runId())
        .isEqualTo("20260501T071300.250Z");
  }

  @Test
  void runIdsSortLikeTheirWatermarks() {
    Watermark earlier = Watermark.parse("2026-04-30T23:59:59.999Z", "--watermark");
    Watermark later = Watermark.parse("2026-05-01T00:00:00Z", "--watermark");

    assertThat(earlier.runId()).isLessThan(later.runId());
  }

  @Test
  void theDefaultWatermarkIsTheStartOfTheRun() {
    Clock clock = Clock.fixed(Instant.parse("2026-05-02T03:04:05.678Z"), ZoneOffset.UTC);

    assertThat(Watermark.startingNow(clock).epochMillis())
        .isEqualTo(Instant.parse("2026-05-02T03:04:05.678Z").toEpochMilli());
  }

  @Test
  void aMalformedWatermarkIsRefusedNamingTheOption() {
    assertThatThrownBy(() -> Watermark.parse("last night", "--watermark"))
        .hasMessageStartingWith("--watermark 'last night' is not an RFC 3339 instant");
  }
}
