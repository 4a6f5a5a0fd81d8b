package dev.scs.stores.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.StoreUnavailableException;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/** Opens MongoDB clients (FerretDB locally, MongoDB in production) from the store settings. */
public final class MongoConnections {
  private MongoConnections() {}

  /**
   * A client that gives up selecting a server after 5 s and waiting for an answer after 60 s,
   * unless the URI says otherwise (the driver would wait 30 s, and for ever). Checked with a ping,
   * so a stopped server is reported here rather than by the first query.
   */
  public static MongoClient open(StoreSettings settings) {
    ConnectionString uri = new ConnectionString(settings.mongodbUri());
    MongoClientSettings.Builder builder = MongoClientSettings.builder().applyConnectionString(uri);
    if (uri.getServerSelectionTimeout() == null) {
      builder.applyToClusterSettings(
          cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS));
    }
    // Without a read timeout, a server that stops answering mid-request (FerretDB 1.24 can, see
    // CitizenStore) hangs a command for ever; a minute is far above any request the project sends.
    if (uri.getSocketTimeout() == null) {
      builder.applyToSocketSettings(socket -> socket.readTimeout(60, TimeUnit.SECONDS));
    }
    MongoClient client = MongoClients.create(builder.build());
    try {
      client.getDatabase("admin").runCommand(new Document("ping", 1));
      return client;
    } catch (MongoTimeoutException e) {
      client.close();
      throw unavailable(settings, e);
    }
  }

  public static MongoDatabase database(MongoClient client, StoreSettings settings) {
    return client.getDatabase(settings.mongodbDatabase());
  }

  private static StoreUnavailableException unavailable(StoreSettings settings, Exception e) {
    return new StoreUnavailableException(
        "MongoDB", settings.mongodbUri(), StoreSettings.MONGODB_URI, e);
  }
}
