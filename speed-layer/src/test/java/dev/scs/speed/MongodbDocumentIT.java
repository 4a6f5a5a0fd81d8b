package dev.scs.speed;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import dev.scs.stores.StoreSettings;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The current-score documents are upserted by _id; FerretDB must honour that like MongoDB. */
@RequiresLocalStack(Service.MONGODB)
class MongodbDocumentIT {

  @Test
  void anUpsertedDocumentIsFoundByItsIdWithTheLatestValues(LocalStackAddresses addresses) {
    SpeedLayerConfig config =
        SpeedLayerConfig.from(
            Map.of(StoreSettings.MONGODB_URI, "mongodb://" + addresses.mongodb()));

    try (MongoClient client = MongoClients.create(config.stores().mongodbUri())) {
      MongoDatabase database = client.getDatabase(SmokeNames.unique("smoke_"));
      try {
        MongoCollection<Document> citizens = database.getCollection("citizens");
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        citizens.replaceOne(
            eq("_id", "citizen-1"), new Document("score", 500).append("tier", "B"), upsert);
        citizens.replaceOne(
            eq("_id", "citizen-1"), new Document("score", 512).append("tier", "A"), upsert);

        Document found = citizens.find(eq("_id", "citizen-1")).first();

        assertThat(citizens.countDocuments()).isEqualTo(1);
        assertThat(found).isNotNull();
        assertThat(found.getInteger("score")).isEqualTo(512);
        assertThat(found.getString("tier")).isEqualTo("A");
      } finally {
        database.drop();
      }
    }
  }
}
