package dev.scs.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.scs.stores.StoreSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeedLayerConfigTest {

  @Test
  void everySpeedLayerKeyHasThisDefault() {
    assertThat(SpeedLayerConfig.defaults().asMap())
        .containsExactly(
            entry("speed.trigger-interval", "PT1S"),
            entry("speed.max-offsets-per-trigger", "50000"),
            entry("speed.checkpoint-location", ".scs/checkpoints/speed"),
            entry("speed.starting-offsets", "earliest"),
            entry("speed.events-topic", "citizen-events"),
            entry("speed.dead-letter-topic", "citizen-events-dlq"),
            entry("speed.score-updates-topic", "score-updates"),
            entry("speed.archive-time-to-live", "P1825D"),
            entry("speed.influxdb-bucket-suffix", ""),
            entry("speed.metrics-file", ".scs/metrics/speed-layer.prom"),
            entry("speed.metrics-address", "127.0.0.1:9464"),
            entry("speed.mongodb-statements-per-command", "8"),
            entry("speed.mongodb-concurrent-commands", "4"),
            entry("speed.citizen-lookup-max-age", "PT5M"));
  }

  @Test
  void theStoresDefaultToTheLocalStack() {
    assertThat(SpeedLayerConfig.defaults().stores().asMap())
        .isEqualTo(StoreSettings.defaults().asMap());
  }

  @Test
  void eachAccessorReadsItsOwnKey() {
    SpeedLayerConfig config =
        SpeedLayerConfig.from(
            Map.ofEntries(
                Map.entry("speed.trigger-interval", "PT5S"),
                Map.entry("speed.max-offsets-per-trigger", "1234"),
                Map.entry("speed.checkpoint-location", "s3a://bucket/checkpoint"),
                Map.entry("speed.starting-offsets", "latest"),
                Map.entry("speed.events-topic", "events"),
                Map.entry("speed.dead-letter-topic", "dead"),
                Map.entry("speed.score-updates-topic", "updates"),
                Map.entry("speed.archive-time-to-live", "P30D"),
                Map.entry("speed.influxdb-bucket-suffix", "_test"),
                Map.entry("speed.metrics-file", "/tmp/speed.prom"),
                Map.entry("speed.metrics-address", "0.0.0.0:9999"),
                Map.entry("speed.mongodb-statements-per-command", "50"),
                Map.entry("speed.mongodb-concurrent-commands", "8"),
                Map.entry("speed.citizen-lookup-max-age", "PT0S")));

    assertThat(config.triggerInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.maxOffsetsPerTrigger()).isEqualTo(1234);
    assertThat(config.checkpointLocation()).isEqualTo("s3a://bucket/checkpoint");
    assertThat(config.startingOffsets()).isEqualTo("latest");
    assertThat(config.eventsTopic()).isEqualTo("events");
    assertThat(config.deadLetterTopic()).isEqualTo("dead");
    assertThat(config.scoreUpdatesTopic()).isEqualTo("updates");
    assertThat(config.archiveTimeToLive()).isEqualTo(Duration.ofDays(30));
    assertThat(config.influxdbBucketSuffix()).isEqualTo("_test");
    assertThat(config.metricsFile()).isEqualTo("/tmp/speed.prom");
    assertThat(config.metricsAddress())
        .hasValueSatisfying(
            address -> {
              assertThat(address.getHostString()).isEqualTo("0.0.0.0");
              assertThat(address.getPort()).isEqualTo(9999);
            });
    assertThat(config.mongodbStatementsPerCommand()).isEqualTo(50);
    assertThat(config.mongodbConcurrentCommands()).isEqualTo(8);
    assertThat(config.citizenLookupMaxAge()).isZero();
  }

  @Test
  void aStoreKeyGoesToTheStoreSettings() {
    SpeedLayerConfig config = SpeedLayerConfig.from(Map.of("cassandra.keyspace", "other"));

    assertThat(config.stores().cassandraKeyspace()).isEqualTo("other");
    assertThat(config.asMap()).doesNotContainKey("cassandra.keyspace");
  }

  @Test
  void aSystemPropertyOverridesTheDefaultOfItsKeyOnly() {
    System.setProperty("speed.trigger-interval", "PT10S");
    System.setProperty("cassandra.contact-point", "scylla:9042");
    try {
      SpeedLayerConfig config = SpeedLayerConfig.fromSystemProperties();

      assertThat(config.triggerInterval()).isEqualTo(Duration.ofSeconds(10));
      assertThat(config.stores().cassandraContactPoint()).isEqualTo("scylla:9042");
      assertThat(config.maxOffsetsPerTrigger()).isEqualTo(50000);
      assertThat(config.stores().kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    } finally {
      System.clearProperty("speed.trigger-interval");
      System.clearProperty("cassandra.contact-point");
    }
  }

  @Test
  void anUnknownKeyIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> SpeedLayerConfig.from(Map.of("speed.trigger", "PT1S")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown speed-layer setting speed.trigger")
        .hasMessageContaining("speed.trigger-interval")
        .hasMessageContaining("cassandra.contact-point");
  }

  @Test
  void aValueThatDoesNotParseIsRejectedNamingItsKey() {
    assertThatThrownBy(() -> SpeedLayerConfig.from(Map.of("speed.trigger-interval", "5s")))
        .hasMessage(
            "speed.trigger-interval must be a positive ISO-8601 duration such as PT1S or P1825D,"
                + " but was \"5s\"");
    assertThatThrownBy(() -> SpeedLayerConfig.from(Map.of("speed.max-offsets-per-trigger", "0")))
        .hasMessageStartingWith("speed.max-offsets-per-trigger must be a positive whole number");
    assertThatThrownBy(() -> SpeedLayerConfig.from(Map.of("speed.citizen-lookup-max-age", "-PT1S")))
        .hasMessage(
            "speed.citizen-lookup-max-age must be an ISO-8601 duration such as PT5M, or PT0S for"
                + " none, but was \"-PT1S\"");
    assertThatThrownBy(() -> SpeedLayerConfig.from(Map.of("speed.starting-offsets", "first")))
        .hasMessageStartingWith("speed.starting-offsets must be earliest or latest");
    assertThatThrownBy(() -> SpeedLayerConfig.from(Map.of("speed.metrics-address", "9464")))
        .hasMessage(
            "speed.metrics-address must be host:port such as 127.0.0.1:9464 or 0.0.0.0:9464, or"
                + " off, but was \"9464\"");
    assertThatThrownBy(
            () -> SpeedLayerConfig.from(Map.of("speed.metrics-address", "localhost:70000")))
        .hasMessageStartingWith("speed.metrics-address must be host:port");
    assertThatThrownBy(
            () -> SpeedLayerConfig.from(Map.of("speed.mongodb-statements-per-command", "-1")))
        .hasMessageStartingWith(
            "speed.mongodb-statements-per-command must be a positive whole number");
    assertThatThrownBy(
            () -> SpeedLayerConfig.from(Map.of("speed.mongodb-concurrent-commands", "many")))
        .hasMessageStartingWith(
            "speed.mongodb-concurrent-commands must be a positive whole number");
  }

  @Test
  void theMetricsEndpointIsOnLoopbackByDefaultAndOffTurnsItOff() {
    assertThat(SpeedLayerConfig.defaults().metricsAddress())
        .hasValueSatisfying(
            address -> {
              assertThat(address.getHostString()).isEqualTo("127.0.0.1");
              assertThat(address.getPort()).isEqualTo(9464);
            });
    assertThat(SpeedLayerConfig.from(Map.of("speed.metrics-address", "off")).metricsAddress())
        .isEmpty();
  }
}
