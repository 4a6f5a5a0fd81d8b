package dev.scs.stores.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scs.stores.StoreSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentKeysTest {
  private static final ComponentKeys KEYS = ComponentKeys.of("example", defaults());

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("example.count", "3");
    defaults.put("example.enabled", "true");
    defaults.put("example.interval", "PT5S");
    return defaults;
  }

  @Test
  void withNothingGivenEveryKeyHasItsDefaultInDeclarationOrder() {
    ComponentSettings settings = KEYS.read(Map.of());

    assertThat(settings.asMap())
        .containsExactly(
            Map.entry("example.count", "3"),
            Map.entry("example.enabled", "true"),
            Map.entry("example.interval", "PT5S"));
    assertThat(settings.stores().asMap()).isEqualTo(StoreSettings.defaults().asMap());
  }

  @Test
  void aGivenValueReplacesTheDefaultAndStoreKeysGoToTheStores() {
    ComponentSettings settings =
        KEYS.read(
            Map.of("example.count", "7", StoreSettings.KAFKA_BOOTSTRAP_SERVERS, "redpanda:9092"));

    assertThat(settings.positiveInt("example.count")).isEqualTo(7);
    assertThat(settings.stores().kafkaBootstrapServers()).isEqualTo("redpanda:9092");
  }

  @Test
  void anUnknownKeyIsRefusedWithTheComponentAndTheKnownKeysNamed() {
    assertThatThrownBy(() -> KEYS.read(Map.of("example.cuont", "7")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown example setting example.cuont; known settings:")
        .hasMessageContaining("example.count");
  }

  @Test
  void aComponentCannotRedefineAStoreKey() {
    assertThatThrownBy(
            () -> ComponentKeys.of("example", Map.of(StoreSettings.CASSANDRA_KEYSPACE, "other")))
        .hasMessageContaining("is a store key");
  }

  @Test
  void systemPropertiesNamedByAKeyOverrideTheDefault() {
    System.setProperty("example.count", "11");
    try {
      assertThat(KEYS.readSystemProperties().positiveInt("example.count")).isEqualTo(11);
    } finally {
      System.clearProperty("example.count");
    }
  }

  @Test
  void typedGettersReadWellFormedValues() {
    ComponentSettings settings = KEYS.read(Map.of("example.enabled", "false"));

    assertThat(settings.flag("example.enabled")).isFalse();
    assertThat(settings.positiveDuration("example.interval")).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void typedGettersRefuseMalformedValuesNamingTheKey() {
    ComponentSettings settings =
        KEYS.read(Map.of("example.count", "0", "example.enabled", "yes", "example.interval", "5s"));

    assertThatThrownBy(() -> settings.positiveInt("example.count"))
        .hasMessage("example.count must be a whole number of at least 1, but was \"0\"");
    assertThatThrownBy(() -> settings.flag("example.enabled"))
        .hasMessage("example.enabled must be true or false, but was \"yes\"");
    assertThatThrownBy(() -> settings.positiveDuration("example.interval"))
        .hasMessageStartingWith("example.interval must be a positive ISO-8601 duration");
  }
}
