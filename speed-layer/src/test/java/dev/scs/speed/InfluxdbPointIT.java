package dev.scs.speed;

import static org.assertj.core.api.Assertions.assertThat;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import dev.scs.stores.StoreSettings;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes through the v2 write API and reads back with Flux, as the speed and serving layers will.
 * The local stack runs InfluxDB 1.8, where a bucket is a database (made here with InfluxQL, since
 * 1.8 has no bucket API) and the org is ignored.
 */
@RequiresLocalStack(Service.INFLUXDB)
class InfluxdbPointIT {

  @Test
  void aPointWrittenWithTheV2ApiIsReadBackByAFluxQuery(LocalStackAddresses addresses)
      throws Exception {
    SpeedLayerConfig config =
        SpeedLayerConfig.from(Map.of(StoreSettings.INFLUXDB_URL, "http://" + addresses.influxdb()));
    String database = SmokeNames.unique("smoke_");
    Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    influxql(config, "CREATE DATABASE " + database);
    try (InfluxDBClient client =
        InfluxDBClientFactory.create(
            config.stores().influxdbUrl(),
            config.stores().influxdbToken().toCharArray(),
            config.stores().influxdbOrg(),
            database)) {
      client
          .getWriteApiBlocking()
          .writePoint(
              Point.measurement("score_changes")
                  .addTag("citizen_id", "citizen-1")
                  .addField("delta", -12.5)
                  .time(occurredAt, WritePrecision.MS));

      List<FluxTable> tables =
          client
              .getQueryApi()
              .query(
                  "from(bucket: \""
                      + database
                      + "/autogen\") |> range(start: -1h)"
                      + " |> filter(fn: (r) => r._measurement == \"score_changes\")");

      List<FluxRecord> records =
          tables.stream().flatMap(table -> table.getRecords().stream()).toList();
      assertThat(records).hasSize(1);
      FluxRecord record = records.get(0);
      assertThat(record.getValueByKey("citizen_id")).isEqualTo("citizen-1");
      assertThat(record.getField()).isEqualTo("delta");
      assertThat(record.getValue()).isEqualTo(-12.5);
      assertThat(record.getTime()).isEqualTo(occurredAt);
    } finally {
      influxql(config, "DROP DATABASE " + database);
    }
  }

  /** InfluxQL on POST /query: the only way to create a database on InfluxDB 1.8. */
  private static void influxql(SpeedLayerConfig config, String statement)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(config.stores().influxdbUrl() + "/query"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s: %s", statement, response.body()).isEqualTo(200);
    assertThat(response.body()).as(statement).doesNotContain("\"error\"");
  }
}
