package dev.scs.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeedLayerConfigTest {

  @Test
  void defaultsPointAtTheLocalStack() {
    assertThat(SpeedLayerConfig.defaults().asMap())
        .containsExactly(
            entry("kafka.bootstrap-servers", "127.0.0.1:9092"),
            entry("cassandra.contact-point", "127.0.0.1:9042"),
            entry("cassandra.local-datacenter", "datacenter1"),
            entry("cassandra.keyspace", "scs"),
            entry("mongodb.uri", "mongodb://127.0.0.1:27017"),
            entry("mongodb.database", "scs"),
            entry("influxdb.url", "http://127.0.0.1:8086"),
            entry("influxdb.org", "scs"),
            entry("influxdb.token", "scs"),
            entry("dgraph.address", "127.0.0.1:9080"));
  }

  @Test
  void eachAccessorReadsItsOwnKey() {
    SpeedLayerConfig config =
        SpeedLayerConfig.from(
            Map.of(
                "kafka.bootstrap-servers", "kafka:1",
                "cassandra.contact-point", "cassandra:2",
                "cassandra.local-datacenter", "dc-east",
                "cassandra.keyspace", "keyspace",
                "mongodb.uri", "mongodb://mongo:3",
                "mongodb.database", "database",
                "influxdb.url", "http://influx:4",
                "influxdb.org", "org",
                "influxdb.token", "token",
                "dgraph.address", "dgraph:5"));

    assertThat(config.kafkaBootstrapServers()).isEqualTo("kafka:1");
    assertThat(config.cassandraContactPoint()).isEqualTo("cassandra:2");
    assertThat(config.cassandraLocalDatacenter()).isEqualTo("dc-east");
    assertThat(config.cassandraKeyspace()).isEqualTo("keyspace");
    assertThat(config.mongodbUri()).isEqualTo("mongodb://mongo:3");
    assertThat(config.mongodbDatabase()).isEqualTo("database");
    assertThat(config.influxdbUrl()).isEqualTo("http://influx:4");
    assertThat(config.influxdbOrg()).isEqualTo("org");
    assertThat(config.influxdbToken()).isEqualTo("token");
    assertThat(config.dgraphAddress()).isEqualTo("dgraph:5");
  }

  @Test
  void aSystemPropertyOverridesTheDefaultOfItsKeyOnly() {
    System.setProperty("cassandra.contact-point", "scylla:9042");
    try {
      SpeedLayerConfig config = SpeedLayerConfig.fromSystemProperties();

      assertThat(config.cassandraContactPoint()).isEqualTo("scylla:9042");
      assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    } finally {
      System.clearProperty("cassandra.contact-point");
    }
  }

  @Test
  void anUnknownKeyIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> SpeedLayerConfig.from(Map.of("cassandra.contactpoint", "x:1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown speed-layer setting cassandra.contactpoint")
        .hasMessageContaining("cassandra.contact-point");
  }
}
