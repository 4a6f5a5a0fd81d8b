package dev.scs.serving.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import dev.scs.scoring.time.Instants;
import dev.scs.serving.pipeline.InfluxSpeedMetrics;
import dev.scs.serving.pipeline.SpeedMetrics;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.influxdb.InfluxDatabaseSetup;
import dev.scs.stores.influxdb.InfluxLayout;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Flux queries on the real InfluxDB (1.8 with its v2 API): score history and speed metrics
 * written as the speed layer writes them, into buckets with a suffix of this run's own.
 */
@RequiresLocalStack(Service.INFLUXDB)
class InfluxOnLocalStackIT {
  private static final long DAY = 86_400_000L;
  private static StoreSettings settings;
  private static InfluxLayout layout;
  private static InfluxDBClient client;

  @BeforeAll
  static void createBuckets(LocalStackAddresses addresses) {
    String suffix = "_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    settings =
        StoreSettings.from(Map.of(StoreSettings.INFLUXDB_URL, "http://" + addresses.influxdb()));
    layout = InfluxLayout.fromContract().withSuffix(suffix);
    new InfluxDatabaseSetup(settings, layout).apply();
    client =
        InfluxDBClientFactory.create(
            settings.influxdbUrl(), settings.influxdbToken().toCharArray(), settings.influxdbOrg());
  }

  @AfterAll
  static void dropBuckets() {
    client.close();
    new InfluxDatabaseSetup(settings, layout).drop();
  }

  private static String bucket(String name) {
    return layout.buckets().stream()
        .map(b -> b.name())
        .filter(n -> n.startsWith(name + "_it_"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void historyHoldsTheLastScoreOfEachWindowOfOneCitizenOnly() {
    long day1 = Instants.parseOrThrow("2026-05-01T00:00:00Z", "t");
    String scores = bucket("scs_scores");
    write(scores, change("c-1", "r-a", "e-1", day1 + 3_600_000, 1010.0, 10.0));
    write(scores, change("c-1", "r-b", "e-2", day1 + 7_200_000, 1025.5, 25.5));
    write(scores, change("c-1", "r-a", "e-3", day1 + DAY + 60_000, 1020.0, 20.0));
    write(scores, change("c-2", "r-a", "e-4", day1 + 3_600_000, 900.0, -100.0));
    InfluxScoreHistory history = new InfluxScoreHistory(client, settings.influxdbOrg(), scores);

    List<ScoreHistory.HistoryPoint> points =
        history.history("c-1", day1, day1 + 3 * DAY, Duration.ofDays(1));

    assertThat(points).hasSize(2);
    assertThat(points.get(0).score()).isEqualTo(1025.5);
    assertThat(points.get(0).raw()).isEqualTo(25.5);
    assertThat(points.get(1).score()).isEqualTo(1020.0);
    assertThat(
            history.history("c-1\") |> yield(name: \"x", day1, day1 + 3 * DAY, Duration.ofDays(1)))
        .isEmpty();
  }

  @Test
  void speedMetricsGiveTheLatestBatchAndTheRejectsOfTheWindow() {
    String pipeline = bucket("scs_pipeline");
    long now = System.currentTimeMillis();
    write(pipeline, batch(now - 60_000, 1, 7, 100.0, Map.of("rejects_schema_violation", 2L)));
    write(
        pipeline,
        batch(
            now - 30_000,
            2,
            3,
            250.0,
            Map.of("rejects_schema_violation", 1L, "rejects_future_event", 4L)));

    SpeedMetrics.Snapshot snapshot =
        new InfluxSpeedMetrics(client, settings.influxdbOrg(), pipeline).over(Duration.ofHours(1));

    assertThat(snapshot.lag()).isEqualTo(3);
    assertThat(snapshot.inputRate()).isCloseTo(250.0, within(1e-9));
    assertThat(snapshot.microBatches()).isEqualTo(2);
    assertThat(snapshot.rejectsByReason())
        .containsEntry("schema_violation", 3L)
        .containsEntry("future_event", 4L);
    assertThat(snapshot.lastBatchAt()).isEqualTo(now - 30_000);
    assertThat(snapshot.job()).isEqualTo("speed-layer");
  }

  private static Point change(
      String citizen, String rule, String event, long at, double score, double raw) {
    return Point.measurement("score_change")
        .addTag("citizen_id", citizen)
        .addTag("rule_id", rule)
        .addField("event_id", event)
        .addField("delta", 1.0)
        .addField("score", score)
        .addField("raw", raw)
        .addField("rule_version", 1L)
        .time(at, WritePrecision.MS);
  }

  private static Point batch(long at, long id, long lag, double rate, Map<String, Long> rejects) {
    Point point =
        Point.measurement("micro_batch")
            .addTag("job", "speed-layer")
            .addField("batch_id", id)
            .addField("lag", lag)
            .addField("input_rate", rate)
            .addField("processing_rate", rate * 2)
            .time(at, WritePrecision.MS);
    rejects.forEach(point::addField);
    return point;
  }

  private static void write(String bucket, Point point) {
    client.getWriteApiBlocking().writePoint(bucket, settings.influxdbOrg(), point);
  }
}
