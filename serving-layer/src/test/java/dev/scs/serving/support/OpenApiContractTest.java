package dev.scs.serving.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The oracle itself: it must refuse what the document does not allow. */
class OpenApiContractTest {
  private final OpenApiContract contract = OpenApiContract.instance();

  @Test
  void aScoreWithoutItsRequiredFieldsIsRefused() {
    assertThatThrownBy(
            () ->
                contract.check(
                    "GET",
                    "/api/v1/citizens/c-1/score",
                    200,
                    "application/json",
                    "{\"citizen_id\":\"c-1\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("raw");
  }

  @Test
  void anUndocumentedStatusIsRefused() {
    assertThatThrownBy(
            () ->
                contract.check(
                    "GET", "/api/v1/analytics/rules", 404, "application/json", "{\"error\":\"x\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("is documented");
  }

  @Test
  void anErrorWithExtraFieldsIsRefused() {
    assertThatThrownBy(
            () ->
                contract.check(
                    "GET",
                    "/api/v1/citizens/c-1/score",
                    400,
                    "application/json",
                    "{\"error\":\"bad\",\"trace\":\"...\"}"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aMalformedInstantIsRefused() {
    assertThatThrownBy(
            () ->
                contract.check(
                    "GET",
                    "/api/v1/citizens/c-1/history",
                    200,
                    "application/json",
                    "{\"citizen_id\":\"c-1\",\"from\":\"yesterday\",\"to\":\"2026-05-01T00:00:00Z\","
                        + "\"every\":\"P1D\",\"points\":[]}"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aValidErrorPasses() {
    assertThatCode(
            () ->
                contract.check(
                    "GET",
                    "/api/v1/citizens/c-1/score",
                    404,
                    "application/json",
                    "{\"error\":\"no citizen c-1\"}"))
        .doesNotThrowAnyException();
  }
}
