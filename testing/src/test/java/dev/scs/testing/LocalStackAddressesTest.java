package dev.scs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalStackAddressesTest {

  @Test
  void defaultsAreThePortsThatTheLocalStackListensOnAtLoopback() {
    LocalStackAddresses addresses = LocalStackAddresses.defaults();

    assertThat(addresses.kafka()).isEqualTo(new ServerAddress("127.0.0.1", 9092));
    assertThat(addresses.cassandra()).isEqualTo(new ServerAddress("127.0.0.1", 9042));
    assertThat(addresses.mongodb()).isEqualTo(new ServerAddress("127.0.0.1", 27017));
    assertThat(addresses.influxdb()).isEqualTo(new ServerAddress("127.0.0.1", 8086));
    assertThat(addresses.dgraph()).isEqualTo(new ServerAddress("127.0.0.1", 9080));
    assertThat(addresses.dgraphHttp()).isEqualTo(new ServerAddress("127.0.0.1", 8080));
  }

  @Test
  void everyAddressIsOverriddenByItsOwnKey() {
    Map<String, String> overrides =
        Map.of(
            "scs.stack.kafka.address", "kafka.test:1",
            "scs.stack.cassandra.address", "cassandra.test:2",
            "scs.stack.mongodb.address", "mongodb.test:3",
            "scs.stack.influxdb.address", "influxdb.test:4",
            "scs.stack.dgraph.address", "dgraph.test:5",
            "scs.stack.dgraph.http-address", "dgraph.test:6");

    LocalStackAddresses addresses =
        LocalStackAddresses.from(key -> Optional.ofNullable(overrides.get(key)));

    assertThat(addresses.kafka()).hasToString("kafka.test:1");
    assertThat(addresses.cassandra()).hasToString("cassandra.test:2");
    assertThat(addresses.mongodb()).hasToString("mongodb.test:3");
    assertThat(addresses.influxdb()).hasToString("influxdb.test:4");
    assertThat(addresses.dgraph()).hasToString("dgraph.test:5");
    assertThat(addresses.dgraphHttp()).hasToString("dgraph.test:6");
  }

  @Test
  void keyConstantsNameTheDocumentedSystemProperties() {
    assertThat(LocalStackAddresses.KAFKA_KEY).isEqualTo("scs.stack.kafka.address");
    assertThat(LocalStackAddresses.CASSANDRA_KEY).isEqualTo("scs.stack.cassandra.address");
    assertThat(LocalStackAddresses.MONGODB_KEY).isEqualTo("scs.stack.mongodb.address");
    assertThat(LocalStackAddresses.INFLUXDB_KEY).isEqualTo("scs.stack.influxdb.address");
    assertThat(LocalStackAddresses.DGRAPH_KEY).isEqualTo("scs.stack.dgraph.address");
    assertThat(LocalStackAddresses.DGRAPH_HTTP_KEY).isEqualTo("scs.stack.dgraph.http-address");
  }

  @Test
  void systemPropertiesOverrideTheDefaults() {
    String key = LocalStackAddresses.CASSANDRA_KEY;
    String previous = System.getProperty(key);
    System.setProperty(key, "10.1.2.3:9999");
    try {
      assertThat(LocalStackAddresses.fromSystemProperties().cassandra())
          .isEqualTo(new ServerAddress("10.1.2.3", 9999));
      assertThat(LocalStackAddresses.fromSystemProperties().kafka())
          .isEqualTo(LocalStackAddresses.defaults().kafka());
    } finally {
      if (previous == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, previous);
      }
    }
  }

  @Test
  void aBlankValueKeepsTheDefault() {
    LocalStackAddresses addresses = LocalStackAddresses.from(key -> Optional.of("  "));

    assertThat(addresses.kafka()).isEqualTo(LocalStackAddresses.defaults().kafka());
  }

  @Test
  void aMalformedValueIsRejectedNamingItsKey() {
    assertThatThrownBy(
            () ->
                LocalStackAddresses.from(
                    key ->
                        key.equals(LocalStackAddresses.KAFKA_KEY)
                            ? Optional.of("localhost")
                            : Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scs.stack.kafka.address must be host:port (for example 127.0.0.1:9092),"
                + " but was \"localhost\"");
  }
}
