package dev.scs.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.scs.stores.StoreSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServingLayerConfigTest {

  @Test
  void everyServingLayerKeyHasThisDefaultAndTheLakeIsTheBatchLayersDefault() {
    assertThat(ServingLayerConfig.defaults().asMap())
        .containsExactly(
            entry("http.port", "7070"),
            entry("dgraph.address", "127.0.0.1:9080"),
            entry("lake.path", ".scs/lake"));
  }

  @Test
  void theStoresDefaultToTheLocalStack() {
    assertThat(ServingLayerConfig.defaults().stores().asMap())
        .isEqualTo(StoreSettings.defaults().asMap());
  }

  @Test
  void eachAccessorReadsItsOwnKey() {
    ServingLayerConfig config =
        ServingLayerConfig.from(
            Map.of("http.port", "8000", "dgraph.address", "dgraph:4", "lake.path", "/data/lake"));

    assertThat(config.httpPort()).isEqualTo(8000);
    assertThat(config.dgraphAddress()).isEqualTo("dgraph:4");
    assertThat(config.lakePath()).isEqualTo("/data/lake");
  }

  @Test
  void aStoreKeyGoesToTheStoreSettings() {
    ServingLayerConfig config = ServingLayerConfig.from(Map.of("influxdb.url", "http://influx:3"));

    assertThat(config.stores().influxdbUrl()).isEqualTo("http://influx:3");
    assertThat(config.asMap()).doesNotContainKey("influxdb.url");
  }

  @Test
  void aSystemPropertyOverridesTheDefaultOfItsKeyOnly() {
    System.setProperty("http.port", "8001");
    System.setProperty("cassandra.keyspace", "other");
    try {
      ServingLayerConfig config = ServingLayerConfig.fromSystemProperties();

      assertThat(config.httpPort()).isEqualTo(8001);
      assertThat(config.stores().cassandraKeyspace()).isEqualTo("other");
      assertThat(config.lakePath()).isEqualTo(".scs/lake");
      assertThat(config.stores().mongodbDatabase()).isEqualTo("scs");
    } finally {
      System.clearProperty("http.port");
      System.clearProperty("cassandra.keyspace");
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
        .hasMessageContaining("http.port")
        .hasMessageContaining("mongodb.uri");
  }
}
