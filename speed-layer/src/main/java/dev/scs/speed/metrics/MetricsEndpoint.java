package dev.scs.speed.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A small HTTP server for Prometheus: {@code GET /metrics} serves {@link PrometheusExposition}'s
 * text, {@code GET /health} answers 200 while the stream runs and 503 otherwise, both with a JSON
 * body. The JDK's server is enough for a scrape every few seconds; one thread serves it.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final String JSON = "application/json; charset=utf-8";

  private final HttpServer server;
  private final PrometheusExposition exposition;
  private final BooleanSupplier streaming;

  private MetricsEndpoint(
      HttpServer server, PrometheusExposition exposition, BooleanSupplier streaming) {
    this.server = server;
    this.exposition = exposition;
    this.streaming = streaming;
  }

  /**
   * Listens on {@code address} (port 0: any free port, see {@link #address()}).
   *
   * @param streaming whether the stream runs, for /health
   * @throws IllegalStateException naming the address when it cannot be bound
   */
  public static MetricsEndpoint start(
      InetSocketAddress address, PrometheusExposition exposition, BooleanSupplier streaming) {
    InetSocketAddress bindable =
        address.isUnresolved()
            ? new InetSocketAddress(address.getHostString(), address.getPort())
            : address;
    HttpServer server;
    try {
      server = HttpServer.create(bindable, 0);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot serve the metrics on "
              + address.getHostString()
              + ":"
              + address.getPort()
              + " ("
              + e.getMessage()
              + "); choose another address with -Dspeed.metrics-address=HOST:PORT, or off",
          e);
    }
    MetricsEndpoint endpoint = new MetricsEndpoint(server, exposition, streaming);
    server.createContext("/", endpoint::handle);
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "metrics-endpoint");
              thread.setDaemon(true); // must never keep the JVM alive once the stream ended
              return thread;
            }));
    server.start();
    return endpoint;
  }

  /** The address it listens on, with the port it was given when asked for port 0. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.equals("/metrics") && !path.equals("/health")) {
        send(exchange, 404, JSON, error("no such path " + path + "; try /metrics or /health"));
      } else if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, JSON, error(exchange.getRequestMethod() + " is not allowed; use GET"));
      } else if (path.equals("/metrics")) {
        send(exchange, 200, PrometheusExposition.CONTENT_TYPE, exposition.render());
      } else if (streaming.getAsBoolean()) {
        send(exchange, 200, JSON, health("up"));
      } else {
        send(exchange, 503, JSON, error("the stream is not running"));
      }
    }
  }

  private String health(String status) {
    return "{\"status\":\""
        + status
        + "\",\"last_batch_id\":"
        + exposition.lastBatchId()
        + ",\"last_batch_ended_at\":"
        + exposition.lastBatchEndedAt()
        + "}";
  }

  private static String error(String message) {
    return "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream response = exchange.getResponseBody()) {
        response.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
