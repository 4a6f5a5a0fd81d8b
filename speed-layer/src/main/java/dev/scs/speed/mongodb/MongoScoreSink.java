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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;

/**
 * Each touched citizen's current score and tier, set on its document in collection citizens with
 * the driver's bulk writes. {@code $set} of absolute values: writing an outcome again changes
 * nothing, and the profile fields stay as they are. A citizen without a document is left alone
 * (validation found it registered, so its document was removed since; creating a profile-less one
 * would hide that).
 *
 * <p>The outcome already holds one update per citizen. They go in unordered bulk commands of {@code
 * statementsPerCommand} statements, {@code concurrentCommands} at a time: a MongoDB server takes
 * any size, but FerretDB 1.24 holds a backend connection per statement of an update command, from a
 * pool of about 100, and deadlocks beyond (see CitizenStore), so statements per command times
 * concurrent commands must stay well under 100 there. bench/speed-mongodb.sh measures the shapes.
 */
public final class MongoScoreSink implements OutcomeSink {
  private final MongoCollection<Document> citizens;
  private final int statementsPerCommand;
  private final ExecutorService commands;

  /**
   * @param statementsPerCommand update statements per bulk command, at least 1
   * @param concurrentCommands bulk commands in flight at once, at least 1
   */
  public MongoScoreSink(MongoDatabase database, int statementsPerCommand, int concurrentCommands) {
    if (statementsPerCommand < 1 || concurrentCommands < 1) {
      throw new IllegalArgumentException(
          "statements per command and concurrent commands must be at least 1");
    }
    this.citizens = database.getCollection(CitizenStore.COLLECTION);
    this.statementsPerCommand = statementsPerCommand;
    this.commands =
        concurrentCommands == 1
            ? null
            : Executors.newFixedThreadPool(
                concurrentCommands,
                runnable -> { // daemon: the sink lives as long as the job, and must not hold the
                  // JVM
                  Thread thread = new Thread(runnable, "mongodb-score-sink");
                  thread.setDaemon(true);
                  return thread;
                });
  }

  @Override
  public String name() {
    return "mongodb";
  }

  @Override
  public void write(MicroBatchOutcome outcome) {
    List<List<WriteModel<Document>>> bulks = bulks(outcome.citizens());
    if (commands == null) {
      bulks.forEach(this::send);
      return;
    }
    List<Future<?>> sent = new ArrayList<>(bulks.size());
    for (List<WriteModel<Document>> bulk : bulks) {
      sent.add(commands.submit(() -> send(bulk)));
    }
    RuntimeException failure = null;
    for (Future<?> command : sent) {
      try {
        command.get(); // every command ends before write returns, failed or not
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof RuntimeException cause
                  ? cause
                  : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing scores to MongoDB", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private List<List<WriteModel<Document>>> bulks(List<CitizenUpdate> updates) {
    List<List<WriteModel<Document>>> bulks = new ArrayList<>();
    List<WriteModel<Document>> bulk = new ArrayList<>(statementsPerCommand);
    for (CitizenUpdate citizen : updates) {
      bulk.add(update(citizen));
      if (bulk.size() == statementsPerCommand) {
        bulks.add(bulk);
        bulk = new ArrayList<>(statementsPerCommand);
      }
    }
    if (!bulk.isEmpty()) {
      bulks.add(bulk);
    }
    return bulks;
  }

  static UpdateOneModel<Document> update(CitizenUpdate citizen) {
    return new UpdateOneModel<>(
        Filters.eq("_id", citizen.citizenId()),
        new Document(
            "$set",
            new Document("score", citizen.score().score().doubleValue())
                .append("raw", citizen.score().raw())
                .append("tier", citizen.score().tier())
                .append("score_updated_at", new Date(citizen.scoreAsOf()))));
  }

  private void send(List<WriteModel<Document>> bulk) {
    citizens.bulkWrite(bulk, new BulkWriteOptions().ordered(false));
  }
}
