package dev.scs.stores;

import dev.scs.testing.LocalStackAddresses;
import java.util.Map;
import java.util.UUID;

/**
 * Store settings for one integration test: the local stack's addresses, and a keyspace and a
 * database that no other run uses, so that runs never collide and each cleans up only its own.
 */
public final class IsolatedStores {
  private IsolatedStores() {}

  /** {@code it_} and eight random hex digits: valid as a keyspace, database and bucket suffix. */
  public static String uniqueName() {
    return "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  public static StoreSettings settings(LocalStackAddresses addresses, String name) {
    return StoreSettings.from(
        Map.of(
            StoreSettings.KAFKA_BOOTSTRAP_SERVERS,
            addresses.kafka().toString(),
            StoreSettings.CASSANDRA_CONTACT_POINT,
            addresses.cassandra().toString(),
            StoreSettings.CASSANDRA_KEYSPACE,
            name,
            StoreSettings.MONGODB_URI,
            "mongodb://" + addresses.mongodb(),
            StoreSettings.MONGODB_DATABASE,
            name,
            StoreSettings.INFLUXDB_URL,
            "http://" + addresses.influxdb(),
            StoreSettings.DGRAPH_ADDRESS,
            addresses.dgraph().toString()));
  }
}
