package dev.scs.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteMetricsTest {

  @Test
  void countsByStatusAndBucketsLatencyCumulatively() {
    RouteMetrics metrics = new RouteMetrics();
    metrics.record("GET", "/api/v1/citizens/{id}/score", 200, 0.8);
    metrics.record("GET", "/api/v1/citizens/{id}/score", 200, 3.0);
    metrics.record("GET", "/api/v1/citizens/{id}/score", 404, 30.0);

    String text = metrics.render();

    String labels = "method=\"GET\",route=\"/api/v1/citizens/{id}/score\"";
    assertThat(text)
        .contains("scs_http_requests_total{" + labels + ",status=\"200\"} 2\n")
        .contains("scs_http_requests_total{" + labels + ",status=\"404\"} 1\n")
        .contains("scs_http_request_duration_seconds_bucket{" + labels + ",le=\"0.001\"} 1\n")
        .contains("scs_http_request_duration_seconds_bucket{" + labels + ",le=\"0.005\"} 2\n")
        .contains("scs_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 3\n")
        .contains("scs_http_request_duration_seconds_count{" + labels + "} 3\n");
  }

  @Test
  void quotesInARouteAreEscaped() {
    RouteMetrics metrics = new RouteMetrics();
    metrics.record("GET", "a\"b", 200, 1);

    assertThat(metrics.render()).contains("route=\"a\\\"b\"");
  }
}
