package dev.scs.speed.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.scs.scoring.view.Score;
import dev.scs.speed.scoring.CitizenUpdate;
import dev.scs.speed.scoring.MicroBatchOutcome;
import dev.scs.stores.mongodb.CitizenStore;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The sink's bulk commands, several in flight, against the stack's MongoDB-protocol server: each
 * citizen gets its score, keeps its profile, and writing the outcome again changes nothing.
 */
@RequiresLocalStack(Service.MONGODB)
class MongoScoreSinkIT {
  private static final int CITIZENS = 70;

  @Test
  void everyTouchedCitizenGetsItsScoreAndKeepsItsProfileAndARewriteChangesNothing(
      LocalStackAddresses addresses) {
    try (MongoClient client = MongoClients.create("mongodb://" + addresses.mongodb())) {
      MongoDatabase database =
          client.getDatabase(
              "sink_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
      try {
        MongoCollection<Document> citizens = database.getCollection(CitizenStore.COLLECTION);
        List<CitizenUpdate> updates = new ArrayList<>();
        for (int number = 0; number < CITIZENS; number++) {
          citizens.insertOne(
              new Document("_id", "citizen-" + number).append("name", "Name " + number));
          updates.add(update("citizen-" + number, number));
        }
        updates.add(update("unregistered-since", 1));
        // 70 + 1 updates in commands of 8, 3 in flight: several rounds, the last one short
        MongoScoreSink sink = new MongoScoreSink(database, 8, 3);
        MicroBatchOutcome outcome =
            new MicroBatchOutcome(0, updates.size(), List.of(), List.of(), List.of(), updates);

        sink.write(outcome);
        List<Document> firstWrite =
            citizens.find().sort(new Document("_id", 1)).into(new ArrayList<>());
        sink.write(outcome);

        assertThat(citizens.countDocuments()).isEqualTo(CITIZENS);
        assertThat(citizens.find(Filters.eq("_id", "unregistered-since")).first()).isNull();
        for (int number = 0; number < CITIZENS; number++) {
          Document citizen = citizens.find(Filters.eq("_id", "citizen-" + number)).first();
          assertThat(citizen).isNotNull();
          assertThat(citizen.getString("name")).isEqualTo("Name " + number);
          assertThat(citizen.getDouble("score")).isEqualTo(500.0 + number);
          assertThat(citizen.getDouble("raw")).isEqualTo(number);
          assertThat(citizen.getString("tier")).isEqualTo(number % 2 == 0 ? "A" : "B");
          assertThat(citizen.getDate("score_updated_at")).isEqualTo(new Date(1_000_000L + number));
        }
        assertThat(citizens.find().sort(new Document("_id", 1)).into(new ArrayList<>()))
            .isEqualTo(firstWrite);
      } finally {
        database.drop();
      }
    }
  }

  private static CitizenUpdate update(String citizenId, int number) {
    return new CitizenUpdate(
        citizenId,
        Map.of(),
        Set.of(),
        null,
        null,
        1_000_000L,
        new Score(number, BigDecimal.valueOf(500 + number), number % 2 == 0 ? "A" : "B", 1),
        1_000_000L + number);
  }
}
