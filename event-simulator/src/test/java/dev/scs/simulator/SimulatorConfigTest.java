package dev.scs.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.scs.stores.StoreSettings;
import dev.scs.stores.influxdb.InfluxBucket;
import dev.scs.stores.kafka.ProjectTopics;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

  @Test
  void everySimulatorKeyHasThisDefault() {
    assertThat(SimulatorConfig.defaults().asMap())
        .containsExactly(
            entry("simulator.events-topic", "citizen-events"),
            entry("simulator.dead-letter-topic", "citizen-events-dlq"),
            entry("simulator.score-updates-topic", "score-updates"),
            entry("checkpoints.path", ".scs/checkpoints"),
            entry("lake.path", ".scs/lake"),
            entry("simulator.influxdb-bucket-suffix", ""),
            entry("simulator.citizen-id-prefix", ""));
  }

  @Test
  void theStoresDefaultToTheLocalStack() {
    assertThat(SimulatorConfig.defaults().stores().asMap())
        .isEqualTo(StoreSettings.defaults().asMap());
  }

  @Test
  void eachAccessorReadsItsOwnKey() {
    SimulatorConfig config =
        SimulatorConfig.from(
            Map.of(
                "simulator.events-topic", "events",
                "simulator.dead-letter-topic", "dead",
                "simulator.score-updates-topic", "updates",
                "checkpoints.path", "/data/checkpoints",
                "lake.path", "/data/lake",
                "simulator.influxdb-bucket-suffix", "_test",
                "simulator.citizen-id-prefix", "it-1a2b3c4d-"));

    assertThat(config.eventsTopic()).isEqualTo("events");
    assertThat(config.topics()).isEqualTo(new ProjectTopics("events", "dead", "updates"));
    assertThat(config.checkpointsPath()).isEqualTo("/data/checkpoints");
    assertThat(config.lakePath()).isEqualTo("/data/lake");
    assertThat(config.citizenIdPrefix()).isEqualTo("it-1a2b3c4d-");
    assertThat(config.influxLayout().buckets())
        .extracting(InfluxBucket::name)
        .containsExactly("scs_events_test", "scs_scores_test", "scs_pipeline_test");
  }

  @Test
  void aCitizenIdPrefixThatWouldMakeAnInvalidIdIsRejected() {
    for (String prefix : new String[] {"it_1a2b3c4d-", "Upper-", "a".repeat(26)}) {
      assertThatThrownBy(() -> SimulatorConfig.from(Map.of("simulator.citizen-id-prefix", prefix)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "simulator.citizen-id-prefix must be at most 25 of a-z, 0-9 and -, so that a"
                  + " citizen id stays valid, but was '"
                  + prefix
                  + "'");
    }
    assertThat(
            SimulatorConfig.from(Map.of("simulator.citizen-id-prefix", "a".repeat(25)))
                .citizenIdPrefix())
        .hasSize(25);
  }

  @Test
  void theDefaultTopicsAreTheProjects() {
    assertThat(SimulatorConfig.defaults().topics()).isEqualTo(ProjectTopics.defaults());
  }

  @Test
  void aStoreKeyGoesToTheStoreSettings() {
    SimulatorConfig config = SimulatorConfig.from(Map.of("kafka.bootstrap-servers", "redpanda:1"));

    assertThat(config.stores().kafkaBootstrapServers()).isEqualTo("redpanda:1");
    assertThat(config.asMap()).doesNotContainKey("kafka.bootstrap-servers");
  }

  @Test
  void aSystemPropertyOverridesTheDefaultOfItsKeyOnly() {
    System.setProperty("simulator.events-topic", "other-events");
    System.setProperty("mongodb.database", "other");
    try {
      SimulatorConfig config = SimulatorConfig.fromSystemProperties();

      assertThat(config.eventsTopic()).isEqualTo("other-events");
      assertThat(config.stores().mongodbDatabase()).isEqualTo("other");
      assertThat(config.topics().deadLetters()).isEqualTo("citizen-events-dlq");
      assertThat(config.stores().kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    } finally {
      System.clearProperty("simulator.events-topic");
      System.clearProperty("mongodb.database");
    }
  }

  @Test
  void anUnknownKeyIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> SimulatorConfig.from(Map.of("kafka.events-topic", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown event-simulator setting kafka.events-topic")
        .hasMessageContaining("simulator.events-topic")
        .hasMessageContaining("kafka.bootstrap-servers");
  }
}
