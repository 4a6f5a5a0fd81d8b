package dev.scs.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServingLayerConfigTest {

  @Test
  void defaultsPointAtTheLocalStackAndTheBatchLayersDefaultLake() {
    assertThat(ServingLayerConfig.defaults().asMap())
        .containsExactly(
            entry("http.port", "7070"),
            entry("cassandra.contact-point", "127.0.0.1:9042"),
            entry("cassandra.local-datacenter", "datacenter1"),
            entry("cassandra.keyspace", "scs"),
            entry("mongodb.uri", "mongodb://127.0.0.1:27017"),
            entry("mongodb.database", "scs"),
            entry("influxdb.url", "http://127.0.0.1:8086"),
            entry("influxdb.org", "scs"),
            entry("influxdb.token", "scs"),
            entry("dgraph.address", "127.0.0.1:9080"),
            entry("lake.path", ".scs/lake"));
  }

  @Test
  void eachAccessorReadsItsOwnKey() {
    ServingLayerConfig config =
        ServingLayerConfig.from(
            Map.ofEntries(
                entry("http.port", "8000"),
                entry("cassandra.contact-point", "cassandra:1"),
                entry("cassandra.local-datacenter", "dc-east"),
                entry("cassandra.keyspace", "keyspace"),
                entry("mongodb.uri", "mongodb://mongo:2"),
                entry("mongodb.database", "database"),
                entry("influxdb.url", "http://influx:3"),
                entry("influxdb.org", "org"),
                entry("influxdb.token", "token"),
                entry("dgraph.address", "dgraph:4"),
                entry("lake.path", "/data/lake")));

    assertThat(config.httpPort()).isEqualTo(8000);
    assertThat(config.cassandraContactPoint()).isEqualTo("cassandra:1");
    assertThat(config.cassandraLocalDatacenter()).isEqualTo("dc-east");
    assertThat(config.cassandraKeyspace()).isEqualTo("keyspace");
    assertThat(config.mongodbUri()).isEqualTo("mongodb://mongo:2");
    assertThat(config.mongodbDatabase()).isEqualTo("database");
    assertThat(config.influxdbUrl()).isEqualTo("http://influx:3");
    assertThat(config.influxdbOrg()).isEqualTo("org");
    assertThat(config.influxdbToken()).isEqualTo("token");
    assertThat(config.dgraphAddress()).isEqualTo("dgraph:4");
    assertThat(config.lakePath()).isEqualTo("/data/lake");
  }

  @Test
  void aSystemPropertyOverridesTheDefaultOfItsKeyOnly() {
    System.setProperty("http.port", "8001");
    try {
      ServingLayerConfig config = ServingLayerConfig.fromSystemProperties();

      assertThat(config.httpPort()).isEqualTo(8001);
      assertThat(config.lakePath()).isEqualTo(".scs/lake");
    } finally {
      System.clearProperty("http.port");
    }
  }

  @Test
  void aPortThatIsNotANumberIsRejectedNamingTheKey() {
    assertThatThrownBy(() -> ServingLayerConfig.from(Map.of("http.port", "http")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("http.port must be a port number, but was \"http\"");
  }

  @Test
  void anUnknownKeyIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> ServingLayerConfig.from(Map.of("http.listen-port", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown serving-layer setting http.listen-port")
        .hasMessageContaining("http.port");
  }
}
