package dev.scs.serving.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.serving.http.JsonResponses;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScoreJsonTest {

  private static String tree(ServedScore score) {
    return JsonResponses.write(ScoreJson.of(score));
  }

  private static String direct(ServedScore score) {
    return new String(ScoreJson.bytes(score), StandardCharsets.UTF_8);
  }

  @Test
  void theEndpointsDirectWriterGivesTheTreesTextWithEveryFieldSet() {
    ServedScore score =
        new ServedScore(
            "citizen-0000068",
            1_795_000_000_123L,
            159.83365315084006,
            new BigDecimal("1159.83"),
            "exemplary",
            34,
            ServedScore.VIEWS_PATH,
            "20261126T072910.957Z",
            1_794_990_000_000L,
            150.5,
            30,
            9.33365315084006,
            4,
            ServedScore.FROM_SPEED_VIEW,
            1_794_995_000_000L,
            10_000_123L);

    assertThat(direct(score)).isEqualTo(tree(score));
    assertThat(direct(score))
        .startsWith("{\"citizen_id\":\"citizen-0000068\",\"as_of\":\"")
        .contains("\"score\":1159.83,");
  }

  @Test
  void theEndpointsDirectWriterGivesTheTreesTextWithNullsAndNegativeNumbers() {
    ServedScore score =
        new ServedScore(
            "c-1",
            0,
            -1.0E-7,
            new BigDecimal("0.00"),
            null,
            0,
            ServedScore.LEDGER_PATH,
            null,
            null,
            0.0,
            0,
            -12.5,
            0,
            ServedScore.FROM_LEDGER,
            null,
            null);

    assertThat(direct(score)).isEqualTo(tree(score));
    assertThat(direct(score)).contains("\"tier\":null").contains("\"staleness_ms\":null");
  }
}
