package dev.scs.serving.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.kafka.KafkaClientProperties;
import dev.scs.stores.kafka.KafkaTopicSetup;
import dev.scs.stores.kafka.TopicDefinition;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live feed on the real Kafka, on a topic of this run only. */
@RequiresLocalStack(Service.KAFKA)
class LiveFeedIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private StoreSettings stores;
  private String topic;

  @BeforeEach
  void names(LocalStackAddresses addresses) {
    stores =
        StoreSettings.from(
            Map.of(StoreSettings.KAFKA_BOOTSTRAP_SERVERS, addresses.kafka().toString()));
    topic = "it-live-" + UUID.randomUUID().toString().substring(0, 8) + "-score-updates";
  }

  @AfterEach
  void deleteTopic() {
    new KafkaTopicSetup(stores).delete(List.of(topic));
  }

  @Test
  void readsOnlyWhatArrivesAfterItStarted() throws Exception {
    new KafkaTopicSetup(stores).create(List.of(new TopicDefinition(topic, 1)));
    produce(update("it-earlier", "900.00", "watch", 1));
    try (LiveFeed feed = new LiveFeed(stores.kafkaBootstrapServers(), topic)) {
      feed.start();
      waitUntil("the feed to read the topic", () -> feed.status().reading());
      LiveSubscription client = feed.subscribe();
      produce(
          update("it-c-1", "1000.00", "standard", 2), update("it-c-1", "990.25", "standard", 3));

      List<JsonNode> changes = changes(client, 2);
      assertThat(changes)
          .extracting(change -> change.get("citizen_id").asText())
          .containsExactly("it-c-1", "it-c-1");
      assertThat(changes.get(1).get("previous_score").decimalValue()).isEqualByComparingTo("1000");
      assertThat(changes.get(1).get("new_firings").asLong()).isEqualTo(1);
      assertThat(feed.recentChanges())
          .extracting(ScoreChange::citizenId)
          .containsExactly("it-c-1", "it-c-1");
      assertThat(feed.status().rates().updatesTotal()).isEqualTo(2);
      assertThat(feed.status().rates().firingsTotal()).isEqualTo(1);
    }
  }

  @Test
  void waitsForATopicThatDoesNotExistYet() throws Exception {
    try (LiveFeed feed = new LiveFeed(stores.kafkaBootstrapServers(), topic)) {
      feed.start();
      waitUntil("the feed to wait for the topic", () -> !feed.status().reading());
      assertThat(feed.status().state()).isEqualTo(FeedStatus.State.WAITING);
      assertThat(feed.status().description()).startsWith("waiting for topic " + topic);

      new KafkaTopicSetup(stores).create(List.of(new TopicDefinition(topic, 1)));
      waitUntil("the feed to find the topic", () -> feed.status().reading());
      LiveSubscription client = feed.subscribe();
      produce(update("it-c-2", "1000.00", "standard", 2));

      assertThat(changes(client, 1).get(0).get("citizen_id").asText()).isEqualTo("it-c-2");
    }
  }

  /** The first {@code count} changes the client receives, waiting for them. */
  private static List<JsonNode> changes(LiveSubscription client, int count) throws Exception {
    List<JsonNode> changes = new ArrayList<>();
    waitUntil(
        count + " change(s)",
        () -> {
          changes.addAll(changesIn(client));
          return changes.size() >= count;
        });
    return changes;
  }

  private static List<JsonNode> changesIn(LiveSubscription client) {
    List<JsonNode> changes = new ArrayList<>();
    try {
      LiveMessage message;
      while ((message = client.next(Duration.ofMillis(100))) != null) {
        if (message.event().equals("change")) {
          changes.add(JSON.readTree(message.json()));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return changes;
  }

  private static String update(String citizenId, String score, String tier, long firings) {
    return "{\"citizen_id\":\"%s\",\"raw\":%s,\"score\":%s,\"tier\":\"%s\",\"firings\":%d,\"as_of\":\"2026-11-26T08:00:00.000Z\"}"
        .formatted(citizenId, score, score, tier, firings);
  }

  private void produce(String... values) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(KafkaClientProperties.idempotentProducer(stores))) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, value)).get();
      }
    }
  }

  private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
      }
      Thread.sleep(100);
    }
  }
}
