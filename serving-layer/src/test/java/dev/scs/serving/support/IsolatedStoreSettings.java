package dev.scs.serving.support;

import dev.scs.stores.StoreSettings;
import dev.scs.testing.LocalStackAddresses;
import java.util.Map;
import java.util.UUID;

/**
 * Store settings of the local stack with a keyspace and a database of their own (the same fresh
 * name for both), so that an integration test shares no data with the demo or another test.
 */
public final class IsolatedStoreSettings {
  private IsolatedStoreSettings() {}

  public static StoreSettings of(LocalStackAddresses stack) {
    String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    return StoreSettings.from(
        Map.of(
            StoreSettings.KAFKA_BOOTSTRAP_SERVERS,
            stack.kafka().toString(),
            StoreSettings.CASSANDRA_CONTACT_POINT,
            stack.cassandra().toString(),
            StoreSettings.CASSANDRA_KEYSPACE,
            name,
            StoreSettings.MONGODB_URI,
            "mongodb://" + stack.mongodb(),
            StoreSettings.MONGODB_DATABASE,
            name,
            StoreSettings.DGRAPH_ADDRESS,
            stack.dgraph().toString()));
  }
}
