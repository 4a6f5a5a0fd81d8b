package dev.scs.speed;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.scs.stores.StoreSettings;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The archive relies on a table-level TTL (five years); this proves the server applies {@code
 * default_time_to_live} to rows written without one. Uses the Java driver that the cassandra
 * connector brings (its netty shaded), as the speed layer will.
 */
@RequiresLocalStack(Service.CASSANDRA)
class CassandraTimeToLiveIT {

  @Test
  void aRowWrittenWithoutTtlGetsTheTablesDefaultTimeToLive(LocalStackAddresses addresses) {
    SpeedLayerConfig config =
        SpeedLayerConfig.from(
            Map.of(StoreSettings.CASSANDRA_CONTACT_POINT, addresses.cassandra().toString()));
    String keyspace = SmokeNames.unique("smoke_");

    try (CqlSession session = open(config)) {
      session.execute(
          "CREATE KEYSPACE "
              + keyspace
              + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      try {
        session.execute(
            "CREATE TABLE "
                + keyspace
                + ".archive (citizen_id text PRIMARY KEY, raw_json text)"
                + " WITH default_time_to_live = 3600");
        session.execute(
            "INSERT INTO " + keyspace + ".archive (citizen_id, raw_json) VALUES (?, ?)",
            "citizen-1",
            "{\"type\":\"smoke\"}");

        Row row =
            session
                .execute(
                    "SELECT raw_json, TTL(raw_json) FROM "
                        + keyspace
                        + ".archive WHERE citizen_id = ?",
                    "citizen-1")
                .one();

        assertThat(row).isNotNull();
        assertThat(row.getString("raw_json")).isEqualTo("{\"type\":\"smoke\"}");
        assertThat(row.getInt(1)).isBetween(3500, 3600);
      } finally {
        session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
      }
    }
  }

  private static CqlSession open(SpeedLayerConfig config) {
    String contactPoint = config.stores().cassandraContactPoint();
    int colon = contactPoint.lastIndexOf(':');
    return CqlSession.builder()
        .addContactPoint(
            new InetSocketAddress(
                contactPoint.substring(0, colon),
                Integer.parseInt(contactPoint.substring(colon + 1))))
        .withLocalDatacenter(config.stores().cassandraLocalDatacenter())
        .build();
  }
}
