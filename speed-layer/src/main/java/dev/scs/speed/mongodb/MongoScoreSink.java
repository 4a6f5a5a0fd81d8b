package dev.scs.speed.mongodb;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import dev.scs.speed.port.OutcomeSink;
import dev.scs.speed.scoring.CitizenUpdate;
import dev.scs.speed.scoring.MicroBatchOutcome;
import dev.scs.stores.mongodb.CitizenStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Each touched citizen's current score and tier, set on its document in collection citizens with
 * the driver's bulk writes. {@code $set} of absolute values: writing an outcome again changes
 * nothing, and the profile fields stay as they are. A citizen without a document is left alone
 * (validation found it registered, so its document was removed since; creating a profile-less one
 * would hide that).
 */
public final class MongoScoreSink implements OutcomeSink {
  /**
   * Statements per update command. FerretDB 1.24 holds a SQLite connection per statement of an
   * update command, from a pool of 100, and deadlocks beyond (see CitizenStore); MongoDB takes any
   * size, at the cost of a few more round trips here.
   */
  private static final int BULK_SIZE = CitizenStore.UPDATES_PER_REQUEST;

  private final MongoCollection<Document> citizens;

  public MongoScoreSink(MongoDatabase database) {
    this.citizens = database.getCollection(CitizenStore.COLLECTION);
  }

  @Override
  public String name() {
    return "mongodb";
  }

  @Override
  public void write(MicroBatchOutcome outcome) {
    List<WriteModel<Document>> writes = new ArrayList<>(BULK_SIZE);
    for (CitizenUpdate citizen : outcome.citizens()) {
      writes.add(
          new UpdateOneModel<>(
              Filters.eq("_id", citizen.citizenId()),
              new Document(
                  "$set",
                  new Document("score", citizen.score().score().doubleValue())
                      .append("raw", citizen.score().raw())
                      .append("tier", citizen.score().tier())
                      .append("score_updated_at", new Date(citizen.scoreAsOf())))));
      if (writes.size() == BULK_SIZE) {
        flush(writes);
      }
    }
    flush(writes);
  }

  private void flush(List<WriteModel<Document>> writes) {
    if (!writes.isEmpty()) {
      citizens.bulkWrite(writes, new BulkWriteOptions().ordered(false));
      writes.clear();
    }
  }
}
