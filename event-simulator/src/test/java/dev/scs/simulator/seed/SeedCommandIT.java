package dev.scs.simulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.simulator.IsolatedSimulator;
import dev.scs.simulator.IsolatedSimulator.Run;
import dev.scs.simulator.SimulatorConfig;
import dev.scs.simulator.world.World;
import dev.scs.stores.cassandra.CassandraKeyspaceSetup;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.influxdb.InfluxBucket;
import dev.scs.stores.influxdb.InfluxDatabaseSetup;
import dev.scs.stores.kafka.KafkaTopicSetup;
import dev.scs.stores.mongodb.CitizenStore;
import dev.scs.stores.mongodb.ConfigStore;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleStore;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./scs seed and ./scs reset against the real stack, under names of their own; in Dgraph, which
 * every run shares, under a citizen id prefix of their own.
 */
@RequiresLocalStack({
  Service.KAFKA,
  Service.CASSANDRA,
  Service.MONGODB,
  Service.INFLUXDB,
  Service.DGRAPH
})
class SeedCommandIT {

  @Test
  void seedingTwiceChangesNothingTheSecondTimeAndResetRemovesEverything(
      LocalStackAddresses addresses, @TempDir Path folder) throws Exception {
    try (IsolatedSimulator simulator = new IsolatedSimulator(addresses, folder);
        DgraphConnection dgraph = DgraphConnection.open(simulator.config().stores())) {
      SimulatorConfig config = simulator.config();
      String prefix = config.citizenIdPrefix();
      WorldGraphReader graph = new WorldGraphReader(dgraph, prefix);
      World world = World.generate(1_500, 1, prefix);
      int ties = world.graph().ties().size();
      Path customConfig = folder.resolve("config.json");
      Files.writeString(
          customConfig,
          "{\"base_score\":900,\"min_score\":0,\"max_score\":2000,\"default_half_life\":\"P90D\","
              + "\"max_future_skew\":\"PT5M\",\"tiers\":[{\"name\":\"all\",\"min\":0}]}");
      Files.createDirectories(folder.resolve("lake/events"));
      Files.createDirectories(folder.resolve("checkpoints/speed"));
      Run reset;
      try {
        Run first = simulator.run("seed", "--citizens", "1500");
        Run second = simulator.run("seed", "--citizens", "1500");
        Run replacingTheConfig =
            simulator.run("seed", "--citizens", "1500", "--config", customConfig.toString());
        Run keepingTheGivenConfig = simulator.run("seed", "--citizens", "1500");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err())
            .contains(
                "kafka: topic " + config.eventsTopic() + ": created",
                "cassandra: keyspace " + config.stores().cassandraKeyspace() + ": created",
                "mongodb: collection citizens: created",
                "mongodb: index rules.by_rule_version: created",
                "influxdb: database scs_events_",
                "dgraph: schema (",
                "dgraph: writing 1,500 citizen nodes and " + String.format("%,d", ties) + " ties",
                "dgraph: 1,500 of 1,500 citizen nodes",
                "dgraph: " + String.format("%,d of %,d", ties, ties) + " ties");
        assertThat(first.out())
            .containsPattern("cassandra: \\d+ created\n")
            .contains(
                "kafka: 3 created",
                "influxdb: 3 created",
                "mongodb: citizens: 1,500 new, 0 updated, 0 unchanged",
                "mongodb: rules: 15 versions added, 0 already stored",
                "mongodb: config: stored",
                String.format(
                    "dgraph: graph: 1,500 citizen nodes (1,500 new), %,d ties (%,d new)",
                    ties, ties))
            .endsWith("seed: done\n");
        List<String> nodesOnce = graph.nodes();
        List<String> tiesOnce = graph.ties();
        assertThat(nodesOnce).isEqualTo(WorldGraphReader.expectedNodes(world));
        assertThat(tiesOnce).isEqualTo(WorldGraphReader.expectedTies(world));
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out())
            .contains(
                "mongodb: citizens: 0 new, 0 updated, 1,500 unchanged",
                "mongodb: rules: 0 versions added, 15 already stored",
                "mongodb: config: already stored",
                String.format("dgraph: graph: 1,500 citizen nodes (0 new), %,d ties (0 new)", ties))
            .contains(
                "kafka: 3 already present",
                "influxdb: 3 already present",
                "dgraph: 1 already present")
            .doesNotContain("created", "updated (")
            .endsWith("seed: done, nothing changed\n");
        assertThat(graph.nodes()).isEqualTo(nodesOnce);
        assertThat(graph.ties()).isEqualTo(tiesOnce);
        assertThat(replacingTheConfig.out()).contains("mongodb: config: replaced");
        assertThat(keepingTheGivenConfig.out())
            .contains("mongodb: config: kept the stored one")
            .endsWith("seed: done, nothing changed\n");
        assertStoresHoldTheSeed(config);
      } finally {
        reset = simulator.run("reset", "--yes");
        // Should reset fail, this run's citizens still leave Dgraph, and only they.
        new DgraphWorld(dgraph.client()).removeUnder(prefix);
      }

      assertThat(reset.exitCode()).as(reset.err()).isZero();
      assertThat(reset.err())
          .contains(
              "kafka: topic " + config.eventsTopic() + ": removed",
              "cassandra: keyspace " + config.stores().cassandraKeyspace() + ": removed",
              "mongodb: database " + config.stores().mongodbDatabase() + ": removed",
              "local: folder " + folder.resolve("lake") + ": removed",
              "local: folder " + folder.resolve("checkpoints") + ": removed",
              "dgraph: citizen nodes " + prefix + "*: removed (1500 nodes)");
      assertThat(reset.out())
          .contains(
              "kafka: 3 removed",
              "cassandra: 1 removed",
              "mongodb: 1 removed",
              "influxdb: 3 removed",
              "local: 2 removed",
              "dgraph: citizen nodes " + prefix + "*: removed (1500 nodes)")
          .doesNotContain("dgraph: 1 removed");
      assertStoresAreEmpty(config, folder);
      assertThat(graph.nodes()).isEmpty();
      assertThat(graph.ties()).isEmpty();
    }
  }

  private static void assertStoresHoldTheSeed(SimulatorConfig config) {
    try (MongoClient client = MongoConnections.open(config.stores())) {
      MongoDatabase database = MongoConnections.database(client, config.stores());
      assertThat(new CitizenStore(database).count()).isEqualTo(1_500);
      assertThat(new RuleStore(database).current().rules().size()).isEqualTo(15);
      assertThat(new ConfigStore(database).current().orElseThrow().config().baseScore())
          .isEqualTo(900);
    }
    try (CqlSession session = CassandraSessions.open(config.stores())) {
      assertThat(new CassandraKeyspaceSetup(session, config.stores().cassandraKeyspace()).tables())
          .contains("events_archive", "ledger", "rule_state");
    }
    assertThat(new KafkaTopicSetup(config.stores()).partitions(config.eventsTopic())).contains(6);
    InfluxDatabaseSetup influx = new InfluxDatabaseSetup(config.stores(), config.influxLayout());
    for (InfluxBucket bucket : config.influxLayout().buckets()) {
      assertThat(influx.defaultRetention(bucket.name())).contains(bucket.retention());
    }
  }

  private static void assertStoresAreEmpty(SimulatorConfig config, Path folder) {
    KafkaTopicSetup topics = new KafkaTopicSetup(config.stores());
    config.topics().names().forEach(topic -> assertThat(topics.exists(topic)).isFalse());
    try (CqlSession session = CassandraSessions.open(config.stores())) {
      assertThat(
              new CassandraKeyspaceSetup(session, config.stores().cassandraKeyspace())
                  .keyspaceExists())
          .isFalse();
    }
    try (MongoClient client = MongoConnections.open(config.stores())) {
      assertThat(client.listDatabaseNames()).doesNotContain(config.stores().mongodbDatabase());
    }
    assertThat(new InfluxDatabaseSetup(config.stores(), config.influxLayout()).databases())
        .doesNotContainAnyElementsOf(
            config.influxLayout().buckets().stream().map(InfluxBucket::name).toList());
    assertThat(folder.resolve("lake")).doesNotExist();
    assertThat(folder.resolve("checkpoints")).doesNotExist();
  }
}
