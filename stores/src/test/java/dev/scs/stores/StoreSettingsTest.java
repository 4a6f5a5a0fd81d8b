package dev.scs.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

  @Test
  void everyKeyAndItsDefaultPointAtTheLocalStack() {
    assertThat(StoreSettings.defaults().asMap())
        .containsExactly(
            entry("kafka.bootstrap-servers", "127.0.0.1:9092"),
            entry("cassandra.contact-point", "127.0.0.1:9042"),
            entry("cassandra.local-datacenter", "datacenter1"),
            entry("cassandra.keyspace", "scs"),
            entry("mongodb.uri", "mongodb://127.0.0.1:27017"),
            entry("mongodb.database", "scs"),
            entry("influxdb.url", "http://127.0.0.1:8086"),
            entry("influxdb.token", "scs"),
            entry("influxdb.org", "scs"),
            entry("dgraph.address", "127.0.0.1:9080"));
  }

  @Test
  void eachAccessorReadsItsOwnKey() {
    StoreSettings settings =
        StoreSettings.from(
            Map.ofEntries(
                entry("kafka.bootstrap-servers", "redpanda:1"),
                entry("cassandra.contact-point", "scylla:2"),
                entry("cassandra.local-datacenter", "dc-east"),
                entry("cassandra.keyspace", "keyspace"),
                entry("mongodb.uri", "mongodb://mongo:3"),
                entry("mongodb.database", "database"),
                entry("influxdb.url", "http://influx:4"),
                entry("influxdb.token", "token"),
                entry("influxdb.org", "org"),
                entry("dgraph.address", "dgraph:5")));

    assertThat(settings.kafkaBootstrapServers()).isEqualTo("redpanda:1");
    assertThat(settings.cassandraContactPoint()).isEqualTo("scylla:2");
    assertThat(settings.cassandraLocalDatacenter()).isEqualTo("dc-east");
    assertThat(settings.cassandraKeyspace()).isEqualTo("keyspace");
    assertThat(settings.mongodbUri()).isEqualTo("mongodb://mongo:3");
    assertThat(settings.mongodbDatabase()).isEqualTo("database");
    assertThat(settings.influxdbUrl()).isEqualTo("http://influx:4");
    assertThat(settings.influxdbToken()).isEqualTo("token");
    assertThat(settings.influxdbOrg()).isEqualTo("org");
    assertThat(settings.dgraphAddress()).isEqualTo("dgraph:5");
  }

  @Test
  void aSystemPropertyOverridesTheDefaultOfItsKeyOnly() {
    System.setProperty("mongodb.database", "other");
    try {
      StoreSettings settings = StoreSettings.fromSystemProperties();

      assertThat(settings.mongodbDatabase()).isEqualTo("other");
      assertThat(settings.cassandraKeyspace()).isEqualTo("scs");
    } finally {
      System.clearProperty("mongodb.database");
    }
  }

  @Test
  void anUnknownKeyIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> StoreSettings.from(Map.of("mongodb.url", "mongodb://x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown store setting mongodb.url; known settings: [")
        .hasMessageContaining("mongodb.uri");
  }

  @Test
  void withReplacesTheGivenKeysAndKeepsTheOthers() {
    StoreSettings settings =
        StoreSettings.defaults().with(Map.of("cassandra.keyspace", "it_keyspace"));

    assertThat(settings.cassandraKeyspace()).isEqualTo("it_keyspace");
    assertThat(settings.mongodbDatabase()).isEqualTo("scs");
  }

  @Test
  void theTokenIsTheOnlySecretAndIsNotPrinted() {
    assertThat(StoreSettings.keys())
        .filteredOn(StoreSettings::isSecret)
        .containsExactly("influxdb.token");
    assertThat(StoreSettings.from(Map.of("influxdb.token", "s3cret")).toString())
        .doesNotContain("s3cret")
        .contains("influxdb.token=***");
  }
}
