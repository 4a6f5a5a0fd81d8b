package dev.scs.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.serving.support.ApiClient;
import dev.scs.serving.support.FakeWorld;
import dev.scs.stores.StoreUnavailableException;
import org.junit.jupiter.api.Test;

class ServingServerTest {

  @Test
  void aStoreThatDoesNotAnswerIs503AndABugIs500BothAsOneLineOfJson() {
    ServingApi api =
        new ServingApi()
            .with(
                app -> {
                  app.get(
                      "/test/store-down",
                      ctx -> {
                        throw new StoreUnavailableException(
                            "Cassandra",
                            "127.0.0.1:1",
                            "cassandra.contact-point",
                            new java.io.IOException("connection refused"));
                      });
                  app.get(
                      "/test/bug",
                      ctx -> {
                        throw new IllegalStateException("line one\nline two");
                      });
                });
    try (ApiClient client = new ApiClient(api)) {
      ApiClient.Response down = client.get("/test/store-down");
      ApiClient.Response bug = client.get("/test/bug");

      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().get("error").asText()).startsWith("a store did not answer");
      assertThat(bug.status()).isEqualTo(500);
      assertThat(bug.json().get("error").asText())
          .isEqualTo("internal error (IllegalStateException); see the log")
          .doesNotContain("\n");
    }
  }

  @Test
  void aStoreThatDoesNotAnswerMakesHealthDegraded() {
    ServingApi api =
        new ServingApi()
            .withHealthCheck(FakeWorld.check("cassandra", "ok"))
            .withHealthCheck(FakeWorld.check("influxdb", "ConnectException: refused"));
    try (ApiClient client = new ApiClient(api)) {
      ApiClient.Response health = client.get("/health");

      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json().get("status").asText()).isEqualTo("degraded");
      assertThat(health.json().get("checks").get("influxdb").asText()).contains("refused");
    }
  }

  @Test
  void anAmbiguousPathThatJettyRefusesIsStillJson() {
    try (ApiClient client = new ApiClient(new ServingApi())) {
      ApiClient.Response response = client.get("/api/v1/citizens/a%2F..%2Fb/score");

      assertThat(response.status()).isBetween(400, 499);
      assertThat(response.json().get("error").asText()).isNotBlank();
    }
  }
}
