package dev.scs.serving.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FluxLiteralsTest {

  @Test
  void aStringCannotCloseItsQuotesOrInterpolate() {
    assertThat(FluxLiterals.string("a\") |> drop() // ${x} \\"))
        .isEqualTo("\"a\\\") |> drop() // \\${x} \\\\\"");
  }

  @Test
  void timesAreUtcAndDurationsMilliseconds() {
    assertThat(FluxLiterals.time(1_777_593_600_123L)).isEqualTo("2026-05-01T00:00:00.123Z");
    assertThat(FluxLiterals.millis(86_400_000L)).isEqualTo("86400000ms");
  }

  @Test
  void theHistoryQueryNamesTheCitizenOnlyAsAStringLiteral() {
    String query =
        InfluxScoreHistory.query(
            "scs_scores", "c-1", 1_777_593_600_000L, 1_777_680_000_000L, Duration.ofHours(6));

    assertThat(query)
        .contains("from(bucket: \"scs_scores\")")
        .contains("range(start: 2026-05-01T00:00:00Z, stop: 2026-05-02T00:00:00.001Z)")
        .contains("r.citizen_id == \"c-1\"")
        .contains("aggregateWindow(every: 21600000ms, fn: last, createEmpty: false)");
  }
}
