package dev.scs.speed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.influxdb.InfluxLayout;
import dev.scs.stores.kafka.KafkaClientProperties;
import dev.scs.stores.kafka.ProjectTopics;
import dev.scs.stores.mongodb.CitizenProfile;
import dev.scs.stores.mongodb.CitizenStore;
import dev.scs.stores.mongodb.ConfigStore;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleStore;
import dev.scs.stores.setup.ContractSetup;
import dev.scs.testing.LocalStackAddresses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * A keyspace, a MongoDB database, three topics and three InfluxDB databases that no other run uses,
 * made from the contract files, seeded with a vector case's rules, config and citizens, and removed
 * again by {@link #close()}, with the seeded citizens' nodes in Dgraph (which has one graph for
 * all).
 */
final class IsolatedStack implements AutoCloseable {
  final String name;
  final SpeedLayerConfig config;
  private final ContractSetup setup;
  private final List<String> citizensInTheGraph = new ArrayList<>();

  IsolatedStack(LocalStackAddresses addresses, Path workFolder, Map<String, String> overrides) {
    name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    ProjectTopics topics = ProjectTopics.defaults().withPrefix(name + "-");
    Map<String, String> settings =
        new java.util.HashMap<>(
            Map.of(
                StoreSettings.KAFKA_BOOTSTRAP_SERVERS,
                addresses.kafka().toString(),
                StoreSettings.CASSANDRA_CONTACT_POINT,
                addresses.cassandra().toString(),
                StoreSettings.CASSANDRA_KEYSPACE,
                name,
                StoreSettings.MONGODB_URI,
                "mongodb://" + addresses.mongodb(),
                StoreSettings.MONGODB_DATABASE,
                name,
                StoreSettings.INFLUXDB_URL,
                "http://" + addresses.influxdb(),
                SpeedLayerConfig.EVENTS_TOPIC,
                topics.events(),
                SpeedLayerConfig.DEAD_LETTER_TOPIC,
                topics.deadLetters(),
                SpeedLayerConfig.SCORE_UPDATES_TOPIC,
                topics.scoreUpdates(),
                SpeedLayerConfig.INFLUXDB_BUCKET_SUFFIX,
                "_" + name));
    settings.put(StoreSettings.DGRAPH_ADDRESS, addresses.dgraph().toString());
    settings.put(SpeedLayerConfig.CHECKPOINT_LOCATION, workFolder.resolve("checkpoint").toString());
    settings.put(SpeedLayerConfig.METRICS_FILE, workFolder.resolve("speed-layer.prom").toString());
    // any free port: several runs (and ./scs speed) may serve their metrics at once
    settings.put(SpeedLayerConfig.METRICS_ADDRESS, "127.0.0.1:0");
    settings.putAll(overrides);
    config = SpeedLayerConfig.from(settings);
    setup =
        new ContractSetup(
                config.stores(), topics, InfluxLayout.fromContract().withSuffix("_" + name))
            .keepingTheGraph();
    try {
      setup.apply(steps -> {});
      keepEventsForever(topics.events());
    } catch (RuntimeException failed) {
      // Remove what was made before the failure: nobody else knows these names.
      try {
        setup.remove(steps -> {});
      } catch (RuntimeException alsoFailed) {
        failed.addSuppressed(alsoFailed);
      }
      throw failed;
    }
  }

  /**
   * The vectors' records carry the case's as-of instant as their timestamp, months ago: with the
   * topic's default time retention the broker would delete them before a restarted job reads them
   * again.
   */
  private void keepEventsForever(String topic) {
    try (Admin admin = Admin.create(KafkaClientProperties.admin(config.stores()))) {
      admin
          .incrementalAlterConfigs(
              Map.of(
                  new ConfigResource(ConfigResource.Type.TOPIC, topic),
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET))))
          .all()
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot set the retention of " + topic, e.getCause());
    }
  }

  /** Stores the rules, the config and a profile per citizen, as the seed command would. */
  void seed(String rulesJson, String configJson, List<String> citizenLines) throws Exception {
    try (MongoClient client = MongoConnections.open(config.stores())) {
      MongoDatabase database = MongoConnections.database(client, config.stores());
      new RuleStore(database).add(rulesJson);
      new ConfigStore(database).put(configJson);
      List<CitizenProfile> profiles = new ArrayList<>();
      for (String line : citizenLines) {
        profiles.add(CitizenProfile.fromJson(line));
      }
      profiles.forEach(profile -> citizensInTheGraph.add(profile.citizenId()));
      // Dgraph is shared: a run that died before close() may have left these citizens there.
      GraphOnLocalStack.forget(config, citizensInTheGraph);
      new CitizenStore(database).upsert(profiles);
    }
  }

  /** The citizens seeded so far, whose nodes close() deletes from Dgraph. */
  List<String> citizensInTheGraph() {
    return List.copyOf(citizensInTheGraph);
  }

  @Override
  public void close() {
    GraphOnLocalStack.forget(config, citizensInTheGraph);
    setup.remove(steps -> {});
  }
}
