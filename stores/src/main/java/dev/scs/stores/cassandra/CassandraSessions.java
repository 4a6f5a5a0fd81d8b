package dev.scs.stores.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.StoreUnavailableException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Opens CQL sessions (Cassandra locally, ScyllaDB in production) from the store settings. */
public final class CassandraSessions {
  private CassandraSessions() {}

  /**
   * A session bound to no keyspace. Requests may take up to 30 s, because creating a table waits
   * for schema agreement, which the driver's default 2 s often does not cover.
   */
  public static CqlSession open(StoreSettings settings) {
    String contactPoint = settings.cassandraContactPoint();
    try {
      return CqlSession.builder()
          .addContactPoint(address(contactPoint))
          .withLocalDatacenter(settings.cassandraLocalDatacenter())
          .withConfigLoader(driverConfig())
          .build();
    } catch (AllNodesFailedException e) {
      throw new StoreUnavailableException(
          "Cassandra", contactPoint, StoreSettings.CASSANDRA_CONTACT_POINT, e);
    }
  }

  /**
   * The driver's settings where they differ from its defaults: long request timeouts (above), and
   * idempotent writes retried after a server-side timeout ({@link IdempotentWriteRetryPolicy}).
   */
  static DriverConfigLoader driverConfig() {
    return DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
        .withDuration(
            DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
        .withClass(DefaultDriverOption.RETRY_POLICY_CLASS, IdempotentWriteRetryPolicy.class)
        .build();
  }

  private static InetSocketAddress address(String contactPoint) {
    int colon = contactPoint.lastIndexOf(':');
    if (colon <= 0 || colon == contactPoint.length() - 1) {
      throw new IllegalArgumentException(
          StoreSettings.CASSANDRA_CONTACT_POINT
              + " must be host:port (for example 127.0.0.1:9042), but was \""
              + contactPoint
              + "\"");
    }
    try {
      return InetSocketAddress.createUnresolved(
          contactPoint.substring(0, colon), Integer.parseInt(contactPoint.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          StoreSettings.CASSANDRA_CONTACT_POINT + " has no valid port: \"" + contactPoint + "\"",
          e);
    }
  }
}
