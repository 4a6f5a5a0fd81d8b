package dev.scs.stores.influxdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.StoreUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * InfluxQL statements on {@code POST /query}: on InfluxDB 1.8 the only way to create and drop
 * databases and retention policies (it has no {@code /api/v2/buckets}).
 */
final class InfluxQl {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final StoreSettings settings;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  InfluxQl(StoreSettings settings) {
    this.settings = settings;
  }

  /** Runs one statement; its result, or an exception carrying the server's error. */
  JsonNode execute(String statement) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.influxdbUrl() + "/query"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            // 1.8 reads "Token user:password" when authentication is on and ignores it when off.
            .header("Authorization", "Token " + settings.influxdbToken())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "InfluxDB", settings.influxdbUrl(), StoreSettings.INFLUXDB_URL, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for InfluxDB", e);
    }
    JsonNode result;
    try {
      result = MAPPER.readTree(response.body()).path("results").path(0);
    } catch (IOException e) {
      throw new IllegalStateException(
          "InfluxDB at "
              + settings.influxdbUrl()
              + " answered "
              + statement
              + " with HTTP "
              + response.statusCode()
              + " and no JSON: "
              + response.body(),
          e);
    }
    if (response.statusCode() != 200 || result.has("error")) {
      throw new IllegalStateException(
          "InfluxDB refused "
              + statement
              + ": "
              + (result.has("error") ? result.get("error").asText() : response.body()));
    }
    return result;
  }
}
