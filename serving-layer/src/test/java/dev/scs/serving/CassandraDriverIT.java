package dev.scs.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * The serving layer uses the shaded Java driver, the one the Spark jobs get from the cassandra
 * connector (both jars hold the same classes, so the project uses only the shaded one); this proves
 * it connects beside Javalin's netty, and that the default local datacenter name is the one the
 * server reports.
 */
@RequiresLocalStack(Service.CASSANDRA)
class CassandraDriverIT {

  @Test
  void theDefaultLocalDatacenterIsTheOneTheServerReports(LocalStackAddresses addresses) {
    ServingLayerConfig config = ServingLayerConfig.defaults();

    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(
                new InetSocketAddress(addresses.cassandra().host(), addresses.cassandra().port()))
            .withLocalDatacenter(config.stores().cassandraLocalDatacenter())
            .build()) {
      Row local = session.execute("SELECT data_center, release_version FROM system.local").one();

      assertThat(local).isNotNull();
      assertThat(local.getString("data_center"))
          .isEqualTo(config.stores().cassandraLocalDatacenter());
      assertThat(local.getString("release_version")).matches("\\d+\\.\\d+.*");
    }
  }
}
