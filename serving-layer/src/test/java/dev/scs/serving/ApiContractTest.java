package dev.scs.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.serving.rules.RuleRoutes;
import dev.scs.serving.support.ApiClient;
import dev.scs.serving.support.FakeWorld;
import dev.scs.serving.support.OpenApiContract;
import dev.scs.serving.support.TestLake;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every endpoint of the OpenAPI document answered by the server over fakes: each response is
 * validated against the document by {@link ApiClient}, and the last test checks that every
 * documented operation was exercised here.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class ApiContractTest {
  private static FakeWorld world;
  private static ApiClient client;

  @BeforeAll
  static void start() {
    world = new FakeWorld();
    client = new ApiClient(world.api());
  }

  @AfterAll
  static void stop() {
    client.close();
    world.close();
  }

  @Test
  void theServedDocumentIsTheOneInSchemas() throws Exception {
    ApiClient.Response response = client.get("/openapi.json");

    assertThat(response.json())
        .isEqualTo(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Files.readString(OpenApiContract.DOCUMENT)));
  }

  @Test
  void score() {
    assertThat(client.get("/api/v1/citizens/c-1/score").status()).isEqualTo(200);
    assertThat(
            client
                .get("/api/v1/citizens/c-1/score?as_of=2026-04-10T00:00:00Z")
                .json()
                .get("breakdown")
                .get("path")
                .asText())
        .isEqualTo("ledger");
  }

  @Test
  void profile() {
    assertThat(client.get("/api/v1/citizens/c-2").json().get("region").asText()).isEqualTo("south");
  }

  @Test
  void explanationContributionsAddUpToTheScore() {
    JsonNode json = client.get("/api/v1/citizens/c-1/explanation").json();

    double sum = 0;
    for (JsonNode firing : json.get("firings")) {
      sum += firing.get("contribution").asDouble();
    }
    assertThat(json.get("firings")).hasSize(3);
    assertThat(sum)
        .isCloseTo(json.get("raw").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(json.get("raw").asDouble())
        .isCloseTo(
            world.scores.scoreAt("c-1", FakeWorld.NOW).raw(),
            org.assertj.core.api.Assertions.within(1e-6));
    JsonNode first = json.get("firings").get(0);
    assertThat(first.get("event_type").asText()).isEqualTo("volunteer.shift");
    assertThat(first.get("event").get("event_id").asText()).isEqualTo("e-1");
    assertThat(first.get("description").asText()).startsWith("Paying a bill on time");
    assertThat(first.get("side").asText()).isEqualTo("batch");
    assertThat(json.get("firings").get(2).get("side").asText()).isEqualTo("speed");
  }

  @Test
  void explanationAtAPastInstantHoldsOnlyEarlierFirings() {
    JsonNode json =
        client.get("/api/v1/citizens/c-1/explanation?as_of=2026-04-10T00:00:00Z").json();

    assertThat(json.get("firings")).hasSize(1);
  }

  @Test
  void history() {
    JsonNode json =
        client
            .get(
                "/api/v1/citizens/c-1/history?from=2026-04-01T00:00:00Z&to=2026-05-03T00:00:00Z&every=P1D")
            .json();

    assertThat(json.get("points")).hasSize(2);
    assertThat(json.get("points").get(1).get("score").asDouble()).isEqualTo(1145.0);
    assertThat(json.get("every").asText()).isEqualTo("PT24H");
  }

  @Test
  void historyOfARegisteredCitizenWithoutPointsIsEmpty() {
    assertThat(client.get("/api/v1/citizens/c-5/history").json().get("points")).isEmpty();
  }

  @Test
  void networkOfDepthTwo() {
    JsonNode json = client.get("/api/v1/citizens/c-1/network?depth=2").json();

    assertThat(json.get("source").asText()).isEqualTo("lake");
    assertThat(json.get("run_id").asText()).isEqualTo(TestLake.RUN);
    assertThat(ids(json.get("nodes"))).containsExactlyInAnyOrder("c-1", "c-2", "c-3");
    assertThat(json.get("ties")).hasSize(3);
    assertThat(json.get("nodes").get(0).get("score").asDouble()).isEqualTo(1155.0);
  }

  @Test
  void pathAcrossThreeTies() {
    JsonNode json = client.get("/api/v1/citizens/c-1/path/c-4").json();

    assertThat(json.get("found").asBoolean()).isTrue();
    assertThat(json.get("length").asInt()).isEqualTo(3);
    assertThat(json.get("citizens"))
        .extracting(JsonNode::asText)
        .containsExactly("c-1", "c-2", "c-3", "c-4");
  }

  @Test
  void noPathToACitizenWithoutTies() {
    JsonNode json = client.get("/api/v1/citizens/c-1/path/c-5").json();

    assertThat(json.get("found").asBoolean()).isFalse();
    assertThat(json.get("length").isNull()).isTrue();
  }

  @Test
  void leaderboardOfTheLatestCompleteRun() {
    JsonNode json = client.get("/api/v1/leaderboard?limit=3").json();

    assertThat(json.get("run_id").asText()).isEqualTo(TestLake.RUN);
    assertThat(json.get("as_of").asText()).isEqualTo("2026-05-01T07:13:00Z");
    assertThat(json.get("entries"))
        .extracting(entry -> entry.get("citizen_id").asText())
        .containsExactly("c-1", "c-4", "c-2");
    assertThat(json.get("entries").get(0).get("region").asText()).isEqualTo("north");
  }

  @Test
  void leaderboardOfARegionAndTier() {
    JsonNode json = client.get("/api/v1/leaderboard?region=north&tier=trusted").json();

    assertThat(json.get("entries"))
        .extracting(entry -> entry.get("citizen_id").asText())
        .containsExactly("c-4");
  }

  @Test
  void distribution() {
    JsonNode json = client.get("/api/v1/analytics/distribution").json();

    assertThat(json.get("histogram")).hasSize(4);
    assertThat(json.get("tiers").get(0).get("tier").asText()).isEqualTo("trusted");
  }

  @Test
  void trendsSumRegionsPerDayAndType() {
    JsonNode json =
        client
            .get("/api/v1/analytics/trends?from=2026-04-15T00:00:00Z&to=2026-05-01T00:00:00Z")
            .json();

    assertThat(json.get("days")).hasSize(2);
    assertThat(json.get("days").get(0).get("events").asLong()).isEqualTo(5);
    assertThat(json.get("days").get(0).get("points").asDouble()).isEqualTo(10.0);
  }

  @Test
  void ruleAnalytics() {
    assertThat(client.get("/api/v1/analytics/rules").json().get("rules")).hasSize(2);
  }

  @Test
  void rulesListAndAdd() {
    int before = client.get("/api/v1/rules").json().get("versions").size();
    String version =
        "{\"rule_id\":\"zz-contract\",\"version\":1,\"event_type\":\"tax.filed\","
            + "\"points\":1,\"effective_from\":\"2026-01-01T00:00:00Z\",\"effective_to\":null,"
            + "\"enabled\":true,\"description\":\"contract test\"}";

    ApiClient.Response added =
        client.post(
            "/api/v1/rules",
            version,
            Map.of("Content-Type", "application/json", RuleRoutes.KEY_HEADER, FakeWorld.ADMIN_KEY));

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("added").get(0).asText()).isEqualTo("zz-contract:1");
    assertThat(client.get("/api/v1/rules").json().get("versions")).hasSize(before + 1);
  }

  @Test
  void pipelineStatus() {
    JsonNode json = client.get("/api/v1/pipeline/status?window=PT30M").json();

    assertThat(json.get("speed").get("lag").asLong()).isEqualTo(12);
    assertThat(json.get("batch").get("published_run_id").asText())
        .isEqualTo("20260501T071300.000Z");
    assertThat(json.get("batch").get("last_run").get("status").asText()).isEqualTo("reconciled");
    assertThat(json.get("rejects").get("schema_violation").asLong()).isEqualTo(3);
    assertThat(world.metricsWindows).contains(java.time.Duration.ofMinutes(30));
  }

  @Test
  void healthAndMetrics() {
    assertThat(client.get("/health").json().get("status").asText()).isEqualTo("ok");
    client.get("/api/v1/citizens/c-1/score");

    String metrics = client.get("/metrics").body();

    assertThat(metrics)
        .contains("# TYPE scs_http_requests_total counter")
        .contains(
            "scs_http_requests_total{method=\"GET\",route=\"/api/v1/citizens/{id}/score\","
                + "status=\"200\"}")
        .contains(
            "scs_http_request_duration_seconds_bucket{method=\"GET\","
                + "route=\"/api/v1/citizens/{id}/score\",le=\"+Inf\"}");
  }

  @Test
  void zzEveryDocumentedOperationWasExercised() {
    // Named to run last (methods run in name order here).
    Set<String> documented = new TreeSet<>();
    JsonNode paths = OpenApiContract.instance().document().get("paths");
    Iterator<String> templates = paths.fieldNames();
    while (templates.hasNext()) {
      String template = templates.next();
      paths
          .get(template)
          .fieldNames()
          .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + template));
    }
    // The live stream belongs to the dashboard, which has its own tests.
    documented.remove("GET /api/v1/live");
    Set<String> exercised = new TreeSet<>();
    OpenApiContract.instance()
        .exercised()
        .forEach(entry -> exercised.add(entry.substring(0, entry.lastIndexOf(' '))));

    assertThat(exercised).containsAll(documented);
  }

  private static Set<String> ids(JsonNode nodes) {
    Set<String> ids = new TreeSet<>();
    nodes.forEach(node -> ids.add(node.get("citizen_id").asText()));
    return ids;
  }
}
