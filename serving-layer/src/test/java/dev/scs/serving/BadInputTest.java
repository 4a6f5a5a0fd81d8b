package dev.scs.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.serving.rules.RuleRoutes;
import dev.scs.serving.support.ApiClient;
import dev.scs.serving.support.FakeWorld;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed ids, instants, durations, depths and limits, oversized bodies, and injection attempts
 * in every parameter: each gets a 4xx with a JSON error (checked against the OpenAPI document by
 * {@link ApiClient}), and nothing changes or reaches a store.
 */
class BadInputTest {
  /** CQL, DQL, Flux, SQL and path tricks. */
  static final List<String> INJECTIONS =
      List.of(
          "c-1' OR '1'='1",
          "c-1\"; DROP TABLE citizens; --",
          "c-1\") |> drop() //",
          "{ q(func: has(citizen_id)) { uid } }",
          "../../etc/passwd",
          "c-1%00",
          "${jndi:ldap://x}",
          "c-1\r\nX-Injected: 1",
          "C-1",
          "a".repeat(41),
          "");

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

  static List<String> injections() {
    return INJECTIONS;
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void assertRefused(ApiClient.Response response) {
    assertThat(response.status()).as(response.body()).isBetween(400, 499);
    JsonNode json = response.json();
    assertThat(json.get("error").asText()).isNotBlank();
  }

  @ParameterizedTest
  @MethodSource("injections")
  void anInjectionInACitizenIdIsRefusedByEveryEndpoint(String value) {
    String id = encoded(value);
    int rulesBefore = world.rules.versions().size();
    int historyQueriesBefore = world.historyQueries.size();
    for (String path :
        List.of(
            "/api/v1/citizens/" + id + "/score",
            "/api/v1/citizens/" + id + "/explanation",
            "/api/v1/citizens/" + id + "/history",
            "/api/v1/citizens/" + id + "/network",
            "/api/v1/citizens/" + id + "/path/c-1",
            "/api/v1/citizens/c-1/path/" + id)) {
      if (value.isEmpty() && !path.endsWith("c-1")) {
        // An empty id makes another path (".../citizens//score"), which is no endpoint.
        assertThat(client.get(path).status()).isEqualTo(404);
        continue;
      }
      assertRefused(client.get(path));
    }
    if (!value.isEmpty()) {
      assertRefused(client.get("/api/v1/citizens/" + id));
    }
    assertThat(world.historyQueries).hasSize(historyQueriesBefore);
    assertThat(world.rules.versions()).hasSize(rulesBefore);
  }

  @ParameterizedTest
  @MethodSource("injections")
  void anInjectionInAQueryParameterIsRefused(String value) {
    if (value.isEmpty()) {
      return; // an empty parameter means its default
    }
    String v = encoded(value);
    for (String pathAndQuery :
        List.of(
            "/api/v1/citizens/c-1/score?as_of=" + v,
            "/api/v1/citizens/c-1/explanation?as_of=" + v,
            "/api/v1/citizens/c-1/history?from=" + v,
            "/api/v1/citizens/c-1/history?to=" + v,
            "/api/v1/citizens/c-1/history?every=" + v,
            "/api/v1/citizens/c-1/network?depth=" + v,
            "/api/v1/leaderboard?region=" + v,
            "/api/v1/leaderboard?tier=" + v,
            "/api/v1/leaderboard?limit=" + v,
            "/api/v1/analytics/trends?from=" + v,
            "/api/v1/analytics/trends?to=" + v,
            "/api/v1/pipeline/status?window=" + v)) {
      if (pathAndQuery.contains("region=") && value.equals("C-1")) {
        continue; // a well-formed region name that simply has no citizens
      }
      if (pathAndQuery.contains("tier=") && value.equals("C-1")) {
        continue;
      }
      if ((pathAndQuery.contains("region=") || pathAndQuery.contains("tier="))
          && value.equals("a".repeat(41))) {
        continue;
      }
      assertRefused(client.get(pathAndQuery));
    }
    assertThat(world.historyQueries).isEmpty();
    assertThat(world.metricsWindows).isEmpty();
  }

  @Test
  void aDepthOutsideOneToThreeIs400() {
    for (String depth : List.of("0", "4", "-1", "1.5", "99999999999", "two")) {
      ApiClient.Response response = client.get("/api/v1/citizens/c-1/network?depth=" + depth);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("error").asText()).contains("depth");
    }
  }

  @Test
  void malformedInstantsAre400() {
    for (String instant :
        List.of(
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-05-01",
            "2026-05-01T00:00:00",
            "1714521600000",
            "2026-05-01T25:00:00Z",
            "2026-05-01T00:00:00Z%20junk")) {
      ApiClient.Response response = client.get("/api/v1/citizens/c-1/score?as_of=" + instant);
      assertThat(response.status()).as(instant).isEqualTo(400);
    }
  }

  @Test
  void aHistoryWindowTooSmallOrFromAfterToIs400() {
    assertThat(client.get("/api/v1/citizens/c-1/history?every=PT1S").status()).isEqualTo(400);
    assertThat(client.get("/api/v1/citizens/c-1/history?every=P1Y").status()).isEqualTo(400);
    assertThat(
            client
                .get(
                    "/api/v1/citizens/c-1/history?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z")
                .status())
        .isEqualTo(400);
    assertThat(world.historyQueries).isEmpty();
  }

  @Test
  void unknownIdsAre404() {
    for (String path :
        List.of(
            "/api/v1/citizens/nobody/score",
            "/api/v1/citizens/nobody",
            "/api/v1/citizens/nobody/explanation",
            "/api/v1/citizens/nobody/history",
            "/api/v1/citizens/nobody/network",
            "/api/v1/citizens/c-1/path/nobody")) {
      assertThat(client.get(path).status()).as(path).isEqualTo(404);
    }
  }

  @Test
  void aBodyOverOneMegabyteIs413AndAddsNothing() {
    int before = world.rules.versions().size();
    String huge = "[" + "{\"rule_id\":\"x\"},".repeat(80_000) + "{}]";
    assertThat(huge.length()).isGreaterThan(1_000_000);

    ApiClient.Response response =
        client.post(
            "/api/v1/rules",
            huge,
            Map.of("Content-Type", "application/json", RuleRoutes.KEY_HEADER, FakeWorld.ADMIN_KEY));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().get("error").asText()).contains("larger than");
    assertThat(world.rules.versions()).hasSize(before);
  }

  @Test
  void anInvalidRuleIsRefusedWholeNamingTheRuleAndField() {
    int before = world.rules.versions().size();
    String twoVersions =
        "[{\"rule_id\":\"zz-good\",\"version\":1,\"event_type\":\"tax.filed\",\"points\":1,"
            + "\"effective_from\":\"2026-01-01T00:00:00Z\",\"enabled\":true},"
            + "{\"rule_id\":\"zz-bad\",\"version\":1,\"event_type\":\"tax.filed\","
            + "\"points\":{\"base\":1,\"field\":\"payload.x\",\"factor\":\"lots\"},"
            + "\"effective_from\":\"2026-01-01T00:00:00Z\",\"enabled\":true}]";

    ApiClient.Response response =
        client.post(
            "/api/v1/rules",
            twoVersions,
            Map.of("Content-Type", "application/json", RuleRoutes.KEY_HEADER, FakeWorld.ADMIN_KEY));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).contains("zz-bad").contains("points");
    assertThat(world.rules.versions()).hasSize(before);
  }

  @Test
  void rulesCannotBeAddedWithoutTheRightKey() {
    int before = world.rules.versions().size();
    String version =
        "{\"rule_id\":\"zz-key\",\"version\":1,\"event_type\":\"tax.filed\",\"points\":1,"
            + "\"effective_from\":\"2026-01-01T00:00:00Z\",\"enabled\":true}";
    for (Map<String, String> headers :
        List.of(
            Map.of("Content-Type", "application/json"),
            Map.of("Content-Type", "application/json", RuleRoutes.KEY_HEADER, "wrong"),
            Map.of("Content-Type", "application/json", RuleRoutes.KEY_HEADER, "' OR '1'='1"))) {
      ApiClient.Response response = client.post("/api/v1/rules", version, headers);
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.json().get("error").asText()).contains(RuleRoutes.KEY_HEADER);
    }
    assertThat(world.rules.versions()).hasSize(before);
  }

  @Test
  void withoutAConfiguredKeyRuleChangesAreDisabled() {
    try (ApiClient noKey =
        new ApiClient(new ServingApi().with(new RuleRoutes(world.rules, "", () -> {})::register))) {
      ApiClient.Response response =
          noKey.post(
              "/api/v1/rules",
              "{}",
              Map.of("Content-Type", "application/json", RuleRoutes.KEY_HEADER, ""));

      assertThat(response.status()).isEqualTo(403);
      assertThat(response.json().get("error").asText()).contains("serving.admin-api-key");
    }
  }

  @Test
  void aBodyThatIsNotJsonIs400AndOneWithoutJsonContentTypeIs415() {
    Map<String, String> key = Map.of(RuleRoutes.KEY_HEADER, FakeWorld.ADMIN_KEY);
    ApiClient.Response notJson =
        client.post(
            "/api/v1/rules",
            "{\"rule_id\": ",
            Map.of("Content-Type", "application/json", RuleRoutes.KEY_HEADER, FakeWorld.ADMIN_KEY));
    ApiClient.Response text =
        client.send(
            "POST",
            "/api/v1/rules",
            HttpRequest.BodyPublishers.ofString("[]"),
            Map.of("Content-Type", "text/plain", RuleRoutes.KEY_HEADER, FakeWorld.ADMIN_KEY));

    assertThat(notJson.status()).isEqualTo(400);
    assertThat(text.status()).isEqualTo(415);
    assertThat(key).isNotEmpty();
  }

  @Test
  void anUnknownEndpointIsAJson404() {
    ApiClient.Response response = client.get("/api/v2/anything");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("error").asText()).contains("/openapi.json");
  }
}
