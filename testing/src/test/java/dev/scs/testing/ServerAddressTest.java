package dev.scs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

  @Test
  void parsesHostAndPort() {
    assertThat(ServerAddress.parse("key", "db.example:9042"))
        .isEqualTo(new ServerAddress("db.example", 9042));
  }

  @Test
  void printsAsHostColonPort() {
    assertThat(new ServerAddress("127.0.0.1", 8086)).hasToString("127.0.0.1:8086");
  }

  @Test
  void rejectsAPortOutsideTheTcpRange() {
    assertThatThrownBy(() -> ServerAddress.parse("some.key", "host:70000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("some.key must be host:port");
  }

  @Test
  void rejectsAMissingPort() {
    assertThatThrownBy(() -> ServerAddress.parse("some.key", "host:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was \"host:\"");
  }
}
