package dev.scs.stores.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.stores.IsolatedStores;
import dev.scs.stores.StoreSettings;
import dev.scs.testing.LocalStackAddresses;

/** A MongoDB database of its own for one test, with the collections contract applied. */
final class IsolatedDatabase implements AutoCloseable {
  private final MongoClient client;
  private final MongoDatabase database;

  IsolatedDatabase(LocalStackAddresses addresses) {
    StoreSettings settings = IsolatedStores.settings(addresses, IsolatedStores.uniqueName());
    client = MongoConnections.open(settings);
    database = MongoConnections.database(client, settings);
    new MongoCollectionSetup(database).apply();
  }

  MongoDatabase database() {
    return database;
  }

  @Override
  public void close() {
    try {
      database.drop();
    } finally {
      client.close();
    }
  }
}
