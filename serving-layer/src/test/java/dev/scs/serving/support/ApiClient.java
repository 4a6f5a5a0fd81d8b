package dev.scs.serving.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scs.serving.ServingApi;
import dev.scs.serving.ServingServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A serving server on a free loopback port and an HTTP client for it. Every response it receives is
 * checked against the OpenAPI document ({@link OpenApiContract}), so every test that uses it is
 * also a contract test.
 */
public final class ApiClient implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ServingServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  public ApiClient(ServingApi api) {
    this.server = ServingServer.start(api, null, "127.0.0.1", 0);
  }

  public record Response(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** GET of a path with its query, written as sent on the wire (already encoded). */
  public Response get(String pathAndQuery) {
    return send("GET", pathAndQuery, HttpRequest.BodyPublishers.noBody(), Map.of());
  }

  public Response post(String path, String body, Map<String, String> headers) {
    return send("POST", path, HttpRequest.BodyPublishers.ofString(body), headers);
  }

  public Response send(
      String method,
      String pathAndQuery,
      HttpRequest.BodyPublisher body,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
            .method(method, body);
    headers.forEach(request::header);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    String path = pathAndQuery.split("\\?", 2)[0];
    OpenApiContract.instance()
        .check(method, path, response.statusCode(), contentType, response.body());
    return new Response(response.statusCode(), contentType, response.body());
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
