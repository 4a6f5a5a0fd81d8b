package dev.scs.serving.http;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Request counts and latencies per route, in the Prometheus text format: a counter {@code
 * scs_http_requests_total{method,route,status}} and a histogram {@code
 * scs_http_request_duration_seconds{method,route}}. The route is the matched path pattern ({@code
 * /api/v1/citizens/{id}/score}), never the requested path, so the number of series stays bounded.
 */
public final class RouteMetrics {
  /** Bucket bounds in seconds: fine below 10 ms, where the score endpoint's goal is. */
  static final double[] BOUNDS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final Map<String, AtomicLong> requests = new ConcurrentSkipListMap<>();
  private final Map<String, Latencies> latencies = new ConcurrentHashMap<>();
  // The series of each (method, route) and (method, route, status) seen, so that recording a
  // request builds no label text (it runs for every request).
  private final Map<Series, Latencies> latenciesBySeries = new ConcurrentHashMap<>();
  private final Map<Series, AtomicLong> requestsBySeries = new ConcurrentHashMap<>();

  private record Series(String method, String route, int status) {
    String labels() {
      return "method=\"" + method + "\",route=\"" + escape(route) + "\"";
    }
  }

  private static final class Latencies {
    final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length + 1);
    final DoubleAdder sumSeconds = new DoubleAdder();
    final AtomicLong count = new AtomicLong();
  }

  public void record(String method, String route, int status, double millis) {
    requestsBySeries
        .computeIfAbsent(
            new Series(method, route, status),
            series ->
                requests.computeIfAbsent(
                    series.labels() + ",status=\"" + status + "\"", key -> new AtomicLong()))
        .incrementAndGet();
    Latencies latency =
        latenciesBySeries.computeIfAbsent(
            new Series(method, route, 0),
            series -> latencies.computeIfAbsent(series.labels(), key -> new Latencies()));
    double seconds = millis / 1000.0;
    int bucket = 0;
    while (bucket < BOUNDS.length && seconds > BOUNDS[bucket]) {
      bucket++;
    }
    latency.buckets.incrementAndGet(bucket);
    latency.sumSeconds.add(seconds);
    latency.count.incrementAndGet();
  }

  /** The Prometheus text exposition (version 0.0.4). */
  public String render() {
    StringBuilder text = new StringBuilder();
    text.append("# HELP scs_http_requests_total HTTP requests by method, route and status.\n");
    text.append("# TYPE scs_http_requests_total counter\n");
    requests.forEach(
        (labels, count) ->
            text.append("scs_http_requests_total{")
                .append(labels)
                .append("} ")
                .append(count.get())
                .append('\n'));
    text.append("# HELP scs_http_request_duration_seconds HTTP request latency by route.\n");
    text.append("# TYPE scs_http_request_duration_seconds histogram\n");
    new ConcurrentSkipListMap<>(latencies)
        .forEach(
            (labels, latency) -> {
              long cumulative = 0;
              for (int i = 0; i <= BOUNDS.length; i++) {
                cumulative += latency.buckets.get(i);
                String bound = i < BOUNDS.length ? format(BOUNDS[i]) : "+Inf";
                text.append("scs_http_request_duration_seconds_bucket{")
                    .append(labels)
                    .append(",le=\"")
                    .append(bound)
                    .append("\"} ")
                    .append(cumulative)
                    .append('\n');
              }
              text.append("scs_http_request_duration_seconds_sum{")
                  .append(labels)
                  .append("} ")
                  .append(format(latency.sumSeconds.sum()))
                  .append('\n');
              text.append("scs_http_request_duration_seconds_count{")
                  .append(labels)
                  .append("} ")
                  .append(latency.count.get())
                  .append('\n');
            });
    return text.toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%s", value);
  }

  private static String escape(String label) {
    return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
