package dev.scs.serving.score;

import static dev.scs.serving.support.Scoring.DAY;
import static dev.scs.serving.support.Scoring.at;
import static dev.scs.serving.support.Scoring.firing;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.serving.ServingApi;
import dev.scs.serving.support.ApiClient;
import dev.scs.serving.support.FakeCitizenDirectory;
import dev.scs.serving.support.FakeViewStore;
import dev.scs.serving.support.Scoring;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScoreRoutesTest {
  private static final long W = at("2026-05-01T00:00:00Z");
  private static final long NOW = at("2026-05-03T00:00:00Z");

  private final FakeViewStore views =
      new FakeViewStore()
          .publishBatch(
              "20260501T000000.000Z", W, List.of(firing("c1", "e1", "2026-04-01T00:00:00Z", "60")))
          .streamed(firing("c1", "e2", "2026-05-02T00:00:00Z", "-5"), W + DAY, W);
  private final FakeCitizenDirectory citizens =
      new FakeCitizenDirectory()
          .register(
              new CitizenRecord(
                  "c1",
                  "Ada Example",
                  "north",
                  1990,
                  "nurse",
                  "h-1",
                  1055.0,
                  55.0,
                  "trusted",
                  NOW - 1000))
          .register("c2");
  private final ScoreService service =
      new ScoreService(views, citizens, Scoring::defaultConfig, () -> NOW);
  private final ApiClient client =
      new ApiClient(new ServingApi().withScores(new ScoreRoutes(service, citizens)));

  @AfterEach
  void stop() {
    client.close();
  }

  @Test
  void theScoreHoldsTheContractsFieldsAndTheBreakdown() {
    ApiClient.Response response =
        client.get("/api/v1/citizens/c1/score?as_of=2026-05-03T00:00:00Z");

    assertThat(response.status()).isEqualTo(200);
    JsonNode json = response.json();
    ServedScore expected = service.scoreAt("c1", NOW);
    assertThat(json.get("citizen_id").asText()).isEqualTo("c1");
    assertThat(json.get("as_of").asText()).isEqualTo("2026-05-03T00:00:00Z");
    assertThat(json.get("raw").asDouble()).isEqualTo(expected.raw());
    assertThat(json.get("score").decimalValue()).isEqualByComparingTo(expected.score());
    assertThat(json.get("tier").asText()).isEqualTo(expected.tier());
    JsonNode breakdown = json.get("breakdown");
    assertThat(breakdown.get("batch_run_id").asText()).isEqualTo("20260501T000000.000Z");
    assertThat(breakdown.get("watermark").asText()).isEqualTo("2026-05-01T00:00:00Z");
    assertThat(breakdown.get("batch_raw").asDouble() + breakdown.get("speed_raw").asDouble())
        .isEqualTo(expected.raw());
    assertThat(breakdown.get("staleness_ms").asLong()).isEqualTo(2 * DAY);
  }

  @Test
  void asOfDefaultsToNow() {
    JsonNode json = client.get("/api/v1/citizens/c1/score").json();

    assertThat(json.get("as_of").asText()).isEqualTo("2026-05-03T00:00:00Z");
  }

  @Test
  void anOffsetInAsOfIsNormalisedToUtc() {
    JsonNode json =
        client.get("/api/v1/citizens/c1/score?as_of=2026-05-03T02:00:00%2B02:00").json();

    assertThat(json.get("as_of").asText()).isEqualTo("2026-05-03T00:00:00Z");
  }

  @Test
  void anUnknownCitizenIs404WithAnError() {
    ApiClient.Response response = client.get("/api/v1/citizens/nobody/score");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("error").asText()).contains("nobody");
  }

  @Test
  void aMalformedAsOfIs400NamingTheParameter() {
    ApiClient.Response response = client.get("/api/v1/citizens/c1/score?as_of=yesterday");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).contains("as_of").contains("yesterday");
  }

  @Test
  void aMalformedCitizenIdIs400() {
    ApiClient.Response response = client.get("/api/v1/citizens/C_1/score");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).contains("citizen id");
  }

  @Test
  void theProfileHoldsTheStoredFieldsAndTheCurrentScore() {
    ApiClient.Response response = client.get("/api/v1/citizens/c1");

    assertThat(response.status()).isEqualTo(200);
    JsonNode json = response.json();
    assertThat(json.get("name").asText()).isEqualTo("Ada Example");
    assertThat(json.get("region").asText()).isEqualTo("north");
    assertThat(json.get("birth_year").asInt()).isEqualTo(1990);
    assertThat(json.get("stored_score").get("tier").asText()).isEqualTo("trusted");
    assertThat(json.get("score").get("raw").asDouble()).isEqualTo(service.scoreAt("c1", NOW).raw());
  }

  @Test
  void aRegisteredCitizenWithoutFiringsHasAProfileWithTheBaseScore() {
    JsonNode json = client.get("/api/v1/citizens/c2").json();

    assertThat(json.get("name").isNull()).isTrue();
    assertThat(json.get("score").get("score").asDouble()).isEqualTo(1000.0);
  }

  @Test
  void anUnknownProfileIs404() {
    assertThat(client.get("/api/v1/citizens/nobody").status()).isEqualTo(404);
  }
}
