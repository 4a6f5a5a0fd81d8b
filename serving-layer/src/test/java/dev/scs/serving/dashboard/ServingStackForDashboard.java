package dev.scs.serving.dashboard;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.serving.ServingLayerConfig;
import dev.scs.serving.ServingServer;
import dev.scs.serving.StoreBackedApi;
import dev.scs.serving.live.LiveFeed;
import dev.scs.serving.support.IsolatedStoreSettings;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.cassandra.CassandraKeyspaceSetup;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.stores.kafka.KafkaClientProperties;
import dev.scs.stores.kafka.KafkaTopicSetup;
import dev.scs.stores.kafka.TopicDefinition;
import dev.scs.stores.mongodb.CitizenProfile;
import dev.scs.stores.mongodb.CitizenStore;
import dev.scs.stores.mongodb.ConfigStore;
import dev.scs.stores.mongodb.MongoCollectionSetup;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleStore;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.ScoringVectors;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The whole serving app (ServingServer with the store-backed API and the live feed) on a free port,
 * on stores of its own: a keyspace, a database and a score-updates topic that no other run uses,
 * and an empty lake folder. MongoDB gets public vector 1's citizens, rules and config; the speed
 * ledger gets {@link #FIRINGS_OF_SEARCHED_CITIZEN} of {@link #SEARCHED_CITIZEN}'s firings from the
 * vector, so a search finds a score that is not the base score. No batch run is published.
 */
final class ServingStackForDashboard implements AutoCloseable {
  static final String SEARCHED_CITIZEN = "c-1";
  static final int FIRINGS_OF_SEARCHED_CITIZEN = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StoreSettings stores;
  private final String topic;
  private final Path lake;
  private StoreBackedApi api;
  private LiveFeed feed;
  private ServingServer server;

  private ServingStackForDashboard(StoreSettings stores, String topic, Path lake) {
    this.stores = stores;
    this.topic = topic;
    this.lake = lake;
  }

  static ServingStackForDashboard start(LocalStackAddresses addresses) throws Exception {
    StoreSettings stores = IsolatedStoreSettings.of(addresses);
    String name = stores.cassandraKeyspace();
    ServingStackForDashboard stack =
        new ServingStackForDashboard(
            stores, name.replace('_', '-') + "-score-updates", Files.createTempDirectory(name));
    try {
      stack.fillStores();
      stack.startServer();
      return stack;
    } catch (Exception e) {
      stack.close();
      throw e;
    }
  }

  private void fillStores() throws Exception {
    ScoringVectors.Case vector = ScoringVectors.load("public-1");
    new KafkaTopicSetup(stores).create(List.of(new TopicDefinition(topic, 1)));
    try (MongoClient client = MongoConnections.open(stores)) {
      MongoDatabase database = MongoConnections.database(client, stores);
      new MongoCollectionSetup(database).apply();
      new RuleStore(database).add(vector.rulesJson());
      new ConfigStore(database).put(vector.configJson());
      List<CitizenProfile> citizens = new ArrayList<>();
      for (String line : vector.citizenLines()) {
        citizens.add(CitizenProfile.fromJson(line));
      }
      new CitizenStore(database).upsert(citizens);
    }
    try (CqlSession session = CassandraSessions.open(stores)) {
      String keyspace = stores.cassandraKeyspace();
      new CassandraKeyspaceSetup(session, keyspace).apply();
      PreparedStatement insert =
          session.prepare(
              "INSERT INTO "
                  + keyspace
                  + ".ledger (citizen_id, occurred_at, event_id, rule_id, rule_version, delta,"
                  + " half_life_ms, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      List<String> firings =
          vector.expectedLedgerLines().stream()
              .filter(line -> line.contains("\"citizen_id\": \"" + SEARCHED_CITIZEN + "\""))
              .limit(FIRINGS_OF_SEARCHED_CITIZEN)
              .toList();
      for (String line : firings) {
        JsonNode firing = JSON.readTree(line);
        Instant occurredAt = Instant.ofEpochMilli(firing.get("occurred_at").asLong());
        session.execute(
            insert.bind(
                SEARCHED_CITIZEN,
                occurredAt,
                firing.get("event_id").asText(),
                firing.get("rule_id").asText(),
                firing.get("rule_version").asInt(),
                new BigDecimal(firing.get("delta").asText()),
                firing.get("half_life").asLong(),
                occurredAt));
      }
    }
  }

  private void startServer() {
    Map<String, String> keys = new LinkedHashMap<>(stores.asMap());
    keys.put(ServingLayerConfig.SCORE_UPDATES_TOPIC, topic);
    keys.put(ServingLayerConfig.LAKE_PATH, lake.toString());
    ServingLayerConfig config = ServingLayerConfig.from(keys);
    api = new StoreBackedApi(config);
    feed = new LiveFeed(stores.kafkaBootstrapServers(), config.scoreUpdatesTopic());
    feed.start();
    server = ServingServer.start(api.api(), feed, "127.0.0.1", 0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Sends the values to the score-updates topic as the speed layer does, keyed by citizen. */
  void produceScoreUpdates(String... jsonValues) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(KafkaClientProperties.idempotentProducer(stores))) {
      for (String value : jsonValues) {
        String citizenId = JSON.readTree(value).get("citizen_id").asText();
        producer.send(new ProducerRecord<>(topic, citizenId, value)).get();
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
    if (feed != null) {
      feed.close();
    }
    if (api != null) {
      api.close();
    }
    new KafkaTopicSetup(stores).delete(List.of(topic));
    try (CqlSession session = CassandraSessions.open(stores)) {
      new CassandraKeyspaceSetup(session, stores.cassandraKeyspace()).drop();
    }
    try (MongoClient client = MongoConnections.open(stores)) {
      MongoConnections.database(client, stores).drop();
    }
    Files.deleteIfExists(lake);
  }
}
