package dev.scs.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.scs.stores.StoreSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServingLayerConfigTest {

  @Test
  void everyServingLayerKeyHasThisDefaultAndTheLakeIsTheBatchLayersDefault() {
    assertThat(ServingLayerConfig.defaults().asMap())
        .containsExactly(
            entry("http.host", "127.0.0.1"),
            entry("http.port", "8090"),
            entry("lake.path", ".scs/lake"),
            entry("serving.score-updates-topic", "score-updates"),
            entry("serving.admin-api-key", ""),
            entry("serving.graph-source", "dgraph"),
            entry("serving.cache-refresh", "PT1S"),
            entry("serving.speed-view-cache-max-age", "PT5S"));
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
            Map.of(
                "http.host", "0.0.0.0",
                "http.port", "8000",
                "lake.path", "/data/lake",
                "serving.score-updates-topic", "updates",
                "serving.admin-api-key", "k3y",
                "serving.graph-source", "lake",
                "serving.cache-refresh", "PT5S",
                "serving.speed-view-cache-max-age", "PT0.5S"));

    assertThat(config.httpHost()).isEqualTo("0.0.0.0");
    assertThat(config.httpPort()).isEqualTo(8000);
    assertThat(config.lakePath()).isEqualTo("/data/lake");
    assertThat(config.scoreUpdatesTopic()).isEqualTo("updates");
    assertThat(config.adminApiKey()).isEqualTo("k3y");
    assertThat(config.graphSource()).isEqualTo(ServingLayerConfig.GraphSource.LAKE);
    assertThat(config.cacheRefresh()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.speedViewCacheMaxAge()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void theDefaultsReadAsTypedValues() {
    ServingLayerConfig config = ServingLayerConfig.defaults();

    assertThat(config.httpPort()).isEqualTo(8090);
    assertThat(config.adminApiKey()).isEmpty();
    assertThat(config.graphSource()).isEqualTo(ServingLayerConfig.GraphSource.DGRAPH);
    assertThat(config.cacheRefresh()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.speedViewCacheMaxAge()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void onlyTheAdminKeyIsSecret() {
    assertThat(ServingLayerConfig.keys())
        .filteredOn(ServingLayerConfig::isSecret)
        .containsExactly("serving.admin-api-key");
  }

  @Test
  void aGraphSourceOtherThanLakeOrDgraphIsRejectedNamingTheKey() {
    assertThatThrownBy(() -> ServingLayerConfig.from(Map.of("serving.graph-source", "neo4j")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("serving.graph-source must be lake or dgraph, but was \"neo4j\"");
  }

  @Test
  void aCacheRefreshThatIsNotADurationIsRejectedNamingTheKey() {
    assertThatThrownBy(() -> ServingLayerConfig.from(Map.of("serving.cache-refresh", "1s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("serving.cache-refresh must be an ISO-8601 duration");
  }

  @Test
  void aSpeedViewCacheMaxAgeThatIsNotADurationOrNegativeIsRejectedNamingTheKey() {
    assertThatThrownBy(
            () -> ServingLayerConfig.from(Map.of("serving.speed-view-cache-max-age", "5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("serving.speed-view-cache-max-age must be an ISO-8601 duration");
    assertThatThrownBy(
            () -> ServingLayerConfig.from(Map.of("serving.speed-view-cache-max-age", "-PT1S")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("serving.speed-view-cache-max-age must not be negative: -PT1S");
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
