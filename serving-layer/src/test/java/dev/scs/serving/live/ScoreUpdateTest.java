package dev.scs.serving.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScoreUpdateTest {

  @Test
  void readsTheRecordTheSpeedLayerWrites() {
    ScoreUpdate update =
        ScoreUpdate.fromJson(
            bytes(
                "{\"citizen_id\":\"c-7\",\"raw\":12.5,\"score\":512.50,\"tier\":\"A\","
                    + "\"firings\":4,\"as_of\":\"2026-11-26T08:00:00Z\"}"));

    assertThat(update.citizenId()).isEqualTo("c-7");
    assertThat(update.raw()).isEqualTo(12.5);
    assertThat(update.score()).isEqualByComparingTo("512.5");
    assertThat(update.tier()).isEqualTo("A");
    assertThat(update.firings()).isEqualTo(4);
    assertThat(update.asOf()).isEqualTo("2026-11-26T08:00:00Z");
  }

  @Test
  void aMissingFieldIsNamed() {
    assertThatThrownBy(() -> ScoreUpdate.fromJson(bytes("{\"citizen_id\":\"c-7\",\"raw\":1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a score update has no number field score");
  }

  @Test
  void textThatIsNotJsonIsRefused() {
    assertThatThrownBy(() -> ScoreUpdate.fromJson(bytes("score!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a score update is not JSON");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
