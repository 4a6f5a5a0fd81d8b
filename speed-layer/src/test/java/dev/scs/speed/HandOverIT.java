package dev.scs.speed;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.scs.scoring.engine.Firing;
import dev.scs.speed.job.HandOverScenario;
import dev.scs.speed.job.SpeedLayerPorts;
import dev.scs.speed.scoring.PublishedRun;
import dev.scs.speed.scoring.StoredView;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-over between the batch and speed layers on the real stores ({@link HandOverScenario}):
 * the speed layer's ports as {@code main} builds them (Cassandra, MongoDB, InfluxDB, the topics),
 * and the batch run's reads and writes done in CQL as the batch layer does them (events_archive,
 * speed_progress, batch_view, batch_rule_state, published_run). The interleavings are played
 * deterministically: a micro-batch in flight while the run waits, and one that read its state
 * before the publish and writes after it.
 */
@RequiresLocalStack({Service.KAFKA, Service.CASSANDRA, Service.MONGODB, Service.INFLUXDB})
class HandOverIT {
  @TempDir Path workFolder;

  private IsolatedStack stack;
  private SpeedLayerStores stores;
  private CqlSession session;

  @BeforeEach
  void openTheStores(LocalStackAddresses addresses) {
    stack = new IsolatedStack(addresses, workFolder, Map.of());
    stores = SpeedLayerStores.open(stack.config);
    session = CassandraSessions.open(stack.config.stores());
  }

  @AfterEach
  void removeTheStores() {
    session.close();
    stores.close();
    stack.close();
  }

  @Test
  void bothRacesOfTheHandOverLeaveEveryFiringCountedOnceAndTheMergedViewCanonical()
      throws Exception {
    CqlStores cql = new CqlStores(stores.ports(Clock.systemUTC()));
    HandOverScenario scenario = new HandOverScenario(cql);
    stack.seed(scenario.rulesJson(), scenario.configJson(), scenario.citizenLines());

    scenario.play();
  }

  /** The batch layer's side of the tables, in CQL. */
  private final class CqlStores implements HandOverScenario.Stores {
    private final SpeedLayerPorts ports;
    private final String keyspace = stack.config.stores().cassandraKeyspace();

    CqlStores(SpeedLayerPorts ports) {
      this.ports = ports;
    }

    @Override
    public SpeedLayerPorts ports() {
      return ports;
    }

    @Override
    public void want(long watermark) {
      session.execute(
          "UPDATE " + keyspace + ".speed_progress SET wanted_through = ? WHERE name = ?",
          Instant.ofEpochMilli(watermark),
          "speed-layer");
    }

    @Override
    public Map<String, String> archiveIngestedBefore(long watermark) {
      Map<String, String> archived = new TreeMap<>();
      for (Row row :
          session.execute(
              "SELECT event_id, raw_json, ingested_at FROM " + keyspace + ".events_archive")) {
        if (row.getInstant("ingested_at").toEpochMilli() < watermark) {
          archived.put(row.getString("event_id"), row.getString("raw_json"));
        }
      }
      return archived;
    }

    @Override
    public void publish(
        PublishedRun run,
        Map<String, StoredView> batchViews,
        Map<String, Map<String, long[]>> batchRuleState) {
      batchViews.forEach(
          (citizen, view) ->
              session.execute(
                  "INSERT INTO "
                      + keyspace
                      + ".batch_view (run_id, citizen_id, reference_at, sums, latest_firing_at,"
                      + " firings) VALUES (?, ?, ?, ?, ?, ?)",
                  run.runId(),
                  citizen,
                  Instant.ofEpochMilli(view.referenceAt()),
                  view.sumsByHalfLife(),
                  view.firings() == 0 ? null : Instant.ofEpochMilli(view.latestFiringAt()),
                  view.firings()));
      batchRuleState.forEach(
          (citizen, rules) ->
              rules.forEach(
                  (ruleId, times) ->
                      session.execute(
                          "INSERT INTO "
                              + keyspace
                              + ".batch_rule_state (run_id, citizen_id, rule_id, firing_times)"
                              + " VALUES (?, ?, ?, ?)",
                          run.runId(),
                          citizen,
                          ruleId,
                          Arrays.stream(times).mapToObj(Instant::ofEpochMilli).toList())));
      session.execute(
          "INSERT INTO "
              + keyspace
              + ".published_run (name, run_id, watermark, published_at) VALUES (?, ?, ?, ?)",
          "current",
          run.runId(),
          Instant.ofEpochMilli(run.watermark()),
          Instant.now());
    }

    @Override
    public Map<String, Long> speedViewWatermarks() {
      Map<String, Long> tags = new HashMap<>();
      for (Row row :
          session.execute("SELECT citizen_id, watermark FROM " + keyspace + ".speed_view")) {
        tags.put(
            row.getString("citizen_id"),
            row.isNull("watermark") ? null : row.getInstant("watermark").toEpochMilli());
      }
      return tags;
    }

    @Override
    public Map<String, StoredView> speedViews() {
      Map<String, StoredView> views = new HashMap<>();
      for (Row row :
          session.execute(
              "SELECT citizen_id, reference_at, sums, latest_firing_at, firings FROM "
                  + keyspace
                  + ".speed_view")) {
        views.put(
            row.getString("citizen_id"),
            new StoredView(
                row.getInstant("reference_at").toEpochMilli(),
                row.getMap("sums", Long.class, Double.class),
                row.isNull("latest_firing_at")
                    ? Long.MIN_VALUE
                    : row.getInstant("latest_firing_at").toEpochMilli(),
                row.getLong("firings")));
      }
      return views;
    }

    @Override
    public Map<Firing, Long> ledger() {
      Map<Firing, Long> ledger = new HashMap<>();
      for (Row row :
          session.execute(
              "SELECT citizen_id, occurred_at, event_id, rule_id, rule_version, delta,"
                  + " half_life_ms, ingested_at FROM "
                  + keyspace
                  + ".ledger")) {
        ledger.put(
            new Firing(
                row.getString("event_id"),
                row.getString("citizen_id"),
                row.getString("rule_id"),
                row.getInt("rule_version"),
                row.getInstant("occurred_at").toEpochMilli(),
                row.getBigDecimal("delta"),
                row.getLong("half_life_ms")),
            row.getInstant("ingested_at").toEpochMilli());
      }
      return ledger;
    }
  }
}
