package dev.scs.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchLayerConfigTest {

  @Test
  void defaultsPointAtTheLocalStackAndALakeInTheCheckout() {
    assertThat(BatchLayerConfig.defaults().asMap())
        .containsExactly(
            entry("cassandra.contact-point", "127.0.0.1:9042"),
            entry("cassandra.local-datacenter", "datacenter1"),
            entry("cassandra.keyspace", "scs"),
            entry("mongodb.uri", "mongodb://127.0.0.1:27017"),
            entry("mongodb.database", "scs"),
            entry("dgraph.address", "127.0.0.1:9080"),
            entry("lake.path", ".scs/lake"));
  }

  @Test
  void eachAccessorReadsItsOwnKey() {
    BatchLayerConfig config =
        BatchLayerConfig.from(
            Map.of(
                "cassandra.contact-point", "cassandra:1",
                "cassandra.local-datacenter", "dc-east",
                "cassandra.keyspace", "keyspace",
                "mongodb.uri", "mongodb://mongo:2",
                "mongodb.database", "database",
                "dgraph.address", "dgraph:3",
                "lake.path", "/data/lake"));

    assertThat(config.cassandraContactPoint()).isEqualTo("cassandra:1");
    assertThat(config.cassandraLocalDatacenter()).isEqualTo("dc-east");
    assertThat(config.cassandraKeyspace()).isEqualTo("keyspace");
    assertThat(config.mongodbUri()).isEqualTo("mongodb://mongo:2");
    assertThat(config.mongodbDatabase()).isEqualTo("database");
    assertThat(config.dgraphAddress()).isEqualTo("dgraph:3");
    assertThat(config.lakePath()).isEqualTo("/data/lake");
  }

  @Test
  void aSystemPropertyOverridesTheDefaultOfItsKeyOnly() {
    System.setProperty("lake.path", "/tmp/other-lake");
    try {
      BatchLayerConfig config = BatchLayerConfig.fromSystemProperties();

      assertThat(config.lakePath()).isEqualTo("/tmp/other-lake");
      assertThat(config.cassandraKeyspace()).isEqualTo("scs");
    } finally {
      System.clearProperty("lake.path");
    }
  }

  @Test
  void anUnknownKeyIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> BatchLayerConfig.from(Map.of("lake.folder", "/x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown batch-layer setting lake.folder")
        .hasMessageContaining("lake.path");
  }
}
