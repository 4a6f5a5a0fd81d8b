package dev.scs.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.scs.batch.run.BatchRunSettings;
import dev.scs.stores.StoreSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchLayerConfigTest {

  @Test
  void everyBatchLayerKeyHasThisDefaultAndTheLakeIsInTheCheckout() {
    assertThat(BatchLayerConfig.defaults().asMap())
        .containsExactly(
            entry("lake.path", ".scs/lake"),
            entry("lake.retention", "P730D"),
            entry("batch.pagerank-iterations", "20"),
            entry("batch.histogram-bucket-width", "50"),
            entry("batch.top-movers", "100"),
            entry("batch.reconcile-citizens", "true"),
            entry("batch.speed-layer-wait", "PT5M"));
  }

  @Test
  void theRunSettingsAreReadFromTheirKeys() {
    BatchRunSettings settings =
        BatchLayerConfig.from(
                Map.of(
                    "lake.retention", "P30D",
                    "batch.pagerank-iterations", "7",
                    "batch.histogram-bucket-width", "25",
                    "batch.top-movers", "3",
                    "batch.reconcile-citizens", "false",
                    "batch.speed-layer-wait", "PT30S"))
            .runSettings();

    assertThat(settings)
        .isEqualTo(
            new BatchRunSettings(30L * 86_400_000L, 7, 25, 3, false, Duration.ofSeconds(30)));
    assertThat(settings.waitsForSpeedLayer()).isTrue();
    assertThat(settings.withoutWaiting().waitsForSpeedLayer()).isFalse();
  }

  @Test
  void aSpeedLayerWaitThatIsNotADurationIsRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                BatchLayerConfig.from(Map.of("batch.speed-layer-wait", "5 minutes")).runSettings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("batch.speed-layer-wait must be an ISO-8601 duration");
  }

  @Test
  void aRetentionThatIsNotADurationIsRefusedNamingTheKey() {
    assertThatThrownBy(
            () -> BatchLayerConfig.from(Map.of("lake.retention", "2 years")).runSettings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("lake.retention must be an ISO-8601 duration");
  }

  @Test
  void aNonPositiveRunCountIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> BatchLayerConfig.from(Map.of("batch.top-movers", "0")).runSettings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batch.top-movers must be a positive whole number, but was \"0\"");
  }

  @Test
  void theStoresDefaultToTheLocalStack() {
    assertThat(BatchLayerConfig.defaults().stores().asMap())
        .isEqualTo(StoreSettings.defaults().asMap());
  }

  @Test
  void eachAccessorReadsItsOwnKey() {
    BatchLayerConfig config = BatchLayerConfig.from(Map.of("lake.path", "/data/lake"));

    assertThat(config.lakePath()).isEqualTo("/data/lake");
  }

  @Test
  void aStoreKeyGoesToTheStoreSettings() {
    BatchLayerConfig config = BatchLayerConfig.from(Map.of("cassandra.keyspace", "other"));

    assertThat(config.stores().cassandraKeyspace()).isEqualTo("other");
    assertThat(config.asMap()).doesNotContainKey("cassandra.keyspace");
  }

  @Test
  void aSystemPropertyOverridesTheDefaultOfItsKeyOnly() {
    System.setProperty("lake.path", "/tmp/other-lake");
    System.setProperty("mongodb.database", "other");
    try {
      BatchLayerConfig config = BatchLayerConfig.fromSystemProperties();

      assertThat(config.lakePath()).isEqualTo("/tmp/other-lake");
      assertThat(config.stores().mongodbDatabase()).isEqualTo("other");
      assertThat(config.stores().cassandraKeyspace()).isEqualTo("scs");
    } finally {
      System.clearProperty("lake.path");
      System.clearProperty("mongodb.database");
    }
  }

  @Test
  void anUnknownKeyIsRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> BatchLayerConfig.from(Map.of("lake.folder", "/x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown batch-layer setting lake.folder")
        .hasMessageContaining("lake.path")
        .hasMessageContaining("cassandra.contact-point");
  }
}
