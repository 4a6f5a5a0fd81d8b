package dev.scs.speed.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final PrometheusExposition exposition = new PrometheusExposition();
  private final AtomicBoolean streaming = new AtomicBoolean(true);

  @Test
  void metricsServesTheExpositionInPrometheusTextFormat() throws Exception {
    exposition.report(
        PrometheusExpositionTest.batch(
            7, 30, Map.of("duplicate", 2L), 800, 12, 1, Map.of("score", 5L)));
    try (MetricsEndpoint endpoint = anyFreePort()) {
      HttpResponse<String> response = get(endpoint, "/metrics");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      ExpositionText text = ExpositionText.parse(response.body());
      assertThat(text.samples)
          .containsEntry("scs_speed_last_batch_id", 7.0)
          .containsEntry("scs_speed_input_records_per_second", 10.5)
          .containsEntry("scs_speed_processed_records_per_second", 20.0)
          .containsEntry("scs_speed_batch_duration_seconds", 0.8)
          .containsEntry("scs_speed_consumer_lag_records", 12.0)
          .containsEntry("scs_speed_rejects_total{reason=\"duplicate\"}", 2.0)
          .containsEntry("scs_speed_firings_total", 15.0)
          .containsEntry("scs_speed_rules_refused_total", 1.0);
      assertThat(text.types)
          .containsEntry("scs_speed_rejects_total", "counter")
          .containsEntry("scs_speed_consumer_lag_records", "gauge");
    }
  }

  @Test
  void eachScrapeSeesTheLatestMicroBatch() throws Exception {
    try (MetricsEndpoint endpoint = anyFreePort()) {
      assertThat(ExpositionText.parse(get(endpoint, "/metrics").body()).samples)
          .containsEntry("scs_speed_micro_batches_total", 0.0);

      exposition.report(PrometheusExpositionTest.batch(0, 5, Map.of(), 10, 0, 0, Map.of()));

      assertThat(ExpositionText.parse(get(endpoint, "/metrics").body()).samples)
          .containsEntry("scs_speed_micro_batches_total", 1.0)
          .containsEntry("scs_speed_input_records_total", 5.0);
    }
  }

  @Test
  void healthIsUpWhileTheStreamRunsAnd503Otherwise() throws Exception {
    exposition.report(PrometheusExpositionTest.batch(4, 5, Map.of(), 10, 0, 0, Map.of()));
    try (MetricsEndpoint endpoint = anyFreePort()) {
      HttpResponse<String> up = get(endpoint, "/health");
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body())
          .isEqualTo(
              "{\"status\":\"up\",\"last_batch_id\":4,\"last_batch_ended_at\":1700000000001}");

      streaming.set(false);
      HttpResponse<String> down = get(endpoint, "/health");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).isEqualTo("{\"error\":\"the stream is not running\"}");
    }
  }

  @Test
  void anOtherPathIs404AndAnOtherMethod405BothInJson() throws Exception {
    try (MetricsEndpoint endpoint = anyFreePort()) {
      HttpResponse<String> missing = get(endpoint, "/metric");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=utf-8");
      assertThat(missing.body())
          .isEqualTo("{\"error\":\"no such path /metric; try /metrics or /health\"}");

      HttpResponse<String> posted =
          http.send(
              HttpRequest.newBuilder(uri(endpoint, "/metrics"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).isEqualTo(405);
      assertThat(posted.body()).isEqualTo("{\"error\":\"POST is not allowed; use GET\"}");
    }
  }

  @Test
  void aTakenAddressIsReportedInOneLineNamingTheSetting() {
    try (MetricsEndpoint first = anyFreePort()) {
      InetSocketAddress taken = first.address();
      assertThatThrownBy(
              () ->
                  MetricsEndpoint.start(
                      InetSocketAddress.createUnresolved("127.0.0.1", taken.getPort()),
                      exposition,
                      streaming::get))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot serve the metrics on 127.0.0.1:" + taken.getPort())
          .hasMessageContaining("-Dspeed.metrics-address=HOST:PORT, or off")
          .hasMessageNotContaining("\n");
    }
  }

  private MetricsEndpoint anyFreePort() {
    return MetricsEndpoint.start(
        InetSocketAddress.createUnresolved("127.0.0.1", 0), exposition, streaming::get);
  }

  private HttpResponse<String> get(MetricsEndpoint endpoint, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(endpoint, path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(MetricsEndpoint endpoint, String path) {
    return URI.create("http://127.0.0.1:" + endpoint.address().getPort() + path);
  }
}
