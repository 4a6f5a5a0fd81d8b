package dev.scs.simulator.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitizenIdReaderTest {

  @Test
  void theTopLevelCitizenIdKeysTheRecord() {
    assertThat(
            CitizenIdReader.citizenId(
                "{\"event_id\":\"e1\",\"payload\":{\"citizen_id\":\"inner\"},"
                    + "\"citizen_id\":\"citizen-7\"}"))
        .isEqualTo("citizen-7");
  }

  @Test
  void aLineWithoutAReadableCitizenIdHasNoKey() {
    assertThat(CitizenIdReader.citizenId("{\"event_id\":\"e1\"}")).isNull();
    assertThat(CitizenIdReader.citizenId("{\"citizen_id\":7}")).isNull();
    assertThat(CitizenIdReader.citizenId("[{\"citizen_id\":\"citizen-7\"}]")).isNull();
    assertThat(CitizenIdReader.citizenId("not json")).isNull();
  }

  @Test
  void aLineCutShortAfterTheCitizenIdStillHasItsKey() {
    assertThat(CitizenIdReader.citizenId("{\"citizen_id\":\"citizen-7\",\"type\":\"pay"))
        .isEqualTo("citizen-7");
  }
}
