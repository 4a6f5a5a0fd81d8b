package dev.scs.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.serving.live.LiveFeed;
import dev.scs.serving.support.IsolatedStoreSettings;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.cassandra.CassandraKeyspaceSetup;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.stores.mongodb.ConfigStore;
import dev.scs.stores.mongodb.MongoCollectionSetup;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.ScoringVectors;
import dev.scs.testing.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The score endpoint's speed view cache on the real stack: a row is served from memory once read,
 * even after the table changed, until the speed layer's record for the citizen arrives on the
 * score-updates topic; then the new row is served. Its own keyspace, database and topic.
 */
@RequiresLocalStack({Service.CASSANDRA, Service.MONGODB, Service.KAFKA})
class SpeedViewCacheIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RUN_ID = "20260401T000000.000Z";
  private static final String CITIZEN = "citizen-0000001";
  private static final long HALF_LIFE = 180L * 86_400_000L;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aKeptRowIsServedUntilTheTopicAnnouncesItsCitizensChange(LocalStackAddresses stack)
      throws Exception {
    StoreSettings settings = IsolatedStoreSettings.of(stack);
    String name = settings.cassandraKeyspace();
    String topic = "it-score-updates-" + name;
    Properties kafka = new Properties();
    kafka.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().toString());
    long watermark = System.currentTimeMillis() - 86_400_000L;
    try (CqlSession session = CassandraSessions.open(settings);
        MongoClient mongo = MongoConnections.open(settings);
        Admin admin = Admin.create(kafka)) {
      try {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        new CassandraKeyspaceSetup(session, name).apply();
        session.execute(
            "INSERT INTO "
                + name
                + ".published_run (name, run_id, watermark, published_at)"
                + " VALUES ('current', ?, ?, ?)",
            RUN_ID,
            Instant.ofEpochMilli(watermark),
            Instant.ofEpochMilli(watermark));
        writeSpeedRow(session, name, watermark, 1);
        MongoDatabase database = MongoConnections.database(mongo, settings);
        new MongoCollectionSetup(database).apply();
        new ConfigStore(database).put(ScoringVectors.load("public-1").configJson());

        Map<String, String> keys = new LinkedHashMap<>(settings.asMap());
        keys.put(ServingLayerConfig.SCORE_UPDATES_TOPIC, topic);
        keys.put(ServingLayerConfig.SPEED_VIEW_CACHE_MAX_AGE, "PT60S");
        ServingLayerConfig config = ServingLayerConfig.from(keys);
        try (StoreBackedApi stores = new StoreBackedApi(config);
            LiveFeed feed = new LiveFeed(stack.kafka().toString(), topic)) {
          feed.start();
          try (ServingServer server = ServingServer.start(stores.api(), feed, "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            awaitMetric(base, "scs_speed_view_cache_enabled 1");

            assertThat(speedFirings(base)).isEqualTo(1);
            writeSpeedRow(session, name, watermark, 2);
            long kept = speedFirings(base);
            assertThat(kept)
                .as("kept, the change not announced yet; %s", get(base + "/metrics"))
                .isEqualTo(1);
            assertThat(get(base + "/metrics"))
                .contains("scs_speed_view_cache_lookups_total{result=\"hit\"} 1");

            announce(stack.kafka().toString(), topic);
            long deadline = System.currentTimeMillis() + 15_000;
            long served = speedFirings(base);
            while (served != 2 && System.currentTimeMillis() < deadline) {
              Thread.sleep(100);
              served = speedFirings(base);
            }
            assertThat(served).as("the new row, once the change was announced").isEqualTo(2);
            assertThat(get(base + "/metrics")).contains("scs_speed_view_cache_changes_total 1");
          }
        }
      } finally {
        new CassandraKeyspaceSetup(session, name).drop();
        MongoConnections.database(mongo, settings).drop();
        admin.deleteTopics(List.of(topic)).all().get();
      }
    }
  }

  private static void writeSpeedRow(CqlSession session, String keyspace, long watermark, long n) {
    session.execute(
        "INSERT INTO "
            + keyspace
            + ".speed_view (citizen_id, watermark, reference_at, sums, latest_firing_at, firings)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        CITIZEN,
        Instant.ofEpochMilli(watermark),
        Instant.ofEpochMilli(watermark),
        Map.of(HALF_LIFE, 10.0 * n),
        Instant.ofEpochMilli(watermark),
        n);
  }

  /** The record the speed layer writes after the micro-batch that wrote the row. */
  private static void announce(String bootstrap, String topic) throws Exception {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
      String update =
          "{\"citizen_id\":\"%s\",\"raw\":20.0,\"score\":1020.0,\"tier\":\"standard\",\"firings\":2,\"as_of\":\"%s\"}"
              .formatted(CITIZEN, Instant.now());
      producer
          .send(
              new ProducerRecord<>(
                  topic,
                  CITIZEN.getBytes(StandardCharsets.UTF_8),
                  update.getBytes(StandardCharsets.UTF_8)))
          .get();
    }
  }

  private long speedFirings(String base) throws Exception {
    JsonNode score = MAPPER.readTree(get(base + "/api/v1/citizens/" + CITIZEN + "/score"));
    assertThat(score.path("breakdown").path("speed_source").asText()).isEqualTo("speed_view");
    return score.path("breakdown").path("speed_firings").asLong();
  }

  /**
   * Waits until the metrics show {@code line} in three reads 200 ms apart: right after its start, a
   * consumer of a topic created a moment before was seen to report reading and then not reading for
   * a poll (the cache then correctly reads the table), which this test is not about.
   */
  private void awaitMetric(String base, String line) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    int seen = 0;
    while (seen < 3) {
      assertThat(System.currentTimeMillis()).as("waiting for " + line).isLessThan(deadline);
      seen = get(base + "/metrics").contains(line) ? seen + 1 : 0;
      Thread.sleep(200);
    }
  }

  private String get(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
