package dev.scs.stores.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class CitizenProfileTest {

  @Test
  void aLineWithOnlyTheIdIsAProfileWithNoKnownFields() throws Exception {
    CitizenProfile profile = CitizenProfile.fromJson("{\"citizen_id\":\"citizen-7\"}");

    assertThat(profile).isEqualTo(CitizenProfile.onlyId("citizen-7"));
    assertThat(profile.knownFields()).isEmpty();
  }

  @Test
  void everyProfileFieldIsReadAndWrittenUnderItsSchemaName() throws Exception {
    CitizenProfile profile =
        CitizenProfile.fromJson(
            "{\"citizen_id\":\"citizen-7\",\"name\":\"Talira Vosk\",\"region\":\"northvale\","
                + "\"birth_year\":1987,\"occupation\":\"baker\",\"household_id\":\"h-3\","
                + "\"extra\":\"ignored\"}");

    assertThat(profile.knownFields())
        .isEqualTo(
            new Document("name", "Talira Vosk")
                .append("region", "northvale")
                .append("birth_year", 1987)
                .append("occupation", "baker")
                .append("household_id", "h-3"));
  }

  @Test
  void aLineBreakingTheCitizenSchemaIsRefusedNamingTheField() {
    assertThatThrownBy(
            () -> CitizenProfile.fromJson("{\"citizen_id\":\"Citizen_7\",\"birth_year\":1987}"))
        .isInstanceOf(InvalidCitizenException.class)
        .extracting(e -> ((InvalidCitizenException) e).field())
        .isEqualTo("citizen_id");
    assertThatThrownBy(
            () -> CitizenProfile.fromJson("{\"citizen_id\":\"c-1\",\"birth_year\":\"1987\"}"))
        .isInstanceOf(InvalidCitizenException.class)
        .extracting(e -> ((InvalidCitizenException) e).field())
        .isEqualTo("birth_year");
    assertThatThrownBy(() -> CitizenProfile.fromJson("{\"name\":\"nobody\"}"))
        .isInstanceOf(InvalidCitizenException.class)
        .extracting(e -> ((InvalidCitizenException) e).field())
        .isEqualTo("citizen_id");
  }

  @Test
  void aLineThatIsNotJsonIsRefused() {
    assertThatThrownBy(() -> CitizenProfile.fromJson("citizen-7"))
        .isInstanceOf(InvalidCitizenException.class)
        .hasMessageStartingWith("not JSON");
  }
}
