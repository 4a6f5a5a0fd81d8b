package dev.scs.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

  @Test
  void defaultsPointAtTheLocalKafkaAndTheEventsTopic() {
    assertThat(SimulatorConfig.defaults().asMap())
        .containsExactly(
            entry("kafka.bootstrap-servers", "127.0.0.1:9092"),
            entry("kafka.events-topic", "citizen-events"));
  }

  @Test
  void eachAccessorReadsItsOwnKey() {
    SimulatorConfig config =
        SimulatorConfig.from(
            Map.of("kafka.bootstrap-servers", "redpanda:9092", "kafka.events-topic", "events"));

    assertThat(config.kafkaBootstrapServers()).isEqualTo("redpanda:9092");
    assertThat(config.kafkaEventsTopic()).isEqualTo("events");
  }

  @Test
  void aSystemPropertyOverridesTheDefaultOfItsKeyOnly() {
    System.setProperty("kafka.events-topic", "other-events");
    try {
      SimulatorConfig config = SimulatorConfig.fromSystemProperties();

      assertThat(config.kafkaEventsTopic()).isEqualTo("other-events");
      assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    } finally {
      System.clearProperty("kafka.events-topic");
    }
  }

  @Test
  void anUnknownKeyIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> SimulatorConfig.from(Map.of("kafka.topic", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown event-simulator setting kafka.topic; known settings:"
                + " [kafka.bootstrap-servers, kafka.events-topic]");
  }
}
