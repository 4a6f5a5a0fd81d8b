package dev.scs.speed.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import dev.scs.scoring.view.Score;
import dev.scs.speed.scoring.CitizenUpdate;
import dev.scs.speed.scoring.MicroBatchOutcome;
import dev.scs.stores.mongodb.CitizenStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * How many citizen updates per second {@link MongoScoreSink} gets through a MongoDB-protocol server
 * in each command shape (bench/speed-mongodb.sh runs it against FerretDB on SQLite and on
 * PostgreSQL). A database of its own is filled with {@code citizens} profile documents, then each
 * shape writes micro-batches of {@code batch} distinct citizens, one after the other, for {@code
 * seconds}.
 *
 * <p>Arguments: {@code host:port citizens batch seconds SHAPE...}, where a shape is {@code
 * STATEMENTSxCONCURRENT} (statements per command, commands in flight), e.g. {@code 16x1 16x4}.
 */
public final class MongoScoreSinkBenchmark {

  public static void main(String[] arguments) {
    String address = arguments[0];
    int citizens = Integer.parseInt(arguments[1]);
    int batch = Integer.parseInt(arguments[2]);
    int seconds = Integer.parseInt(arguments[3]);
    String databaseName = "bench_score_sink_" + System.currentTimeMillis();
    try (MongoClient client =
        MongoClients.create("mongodb://" + address + "/?maxPoolSize=200&connectTimeoutMS=5000")) {
      MongoDatabase database = client.getDatabase(databaseName);
      try {
        long filling = System.nanoTime();
        fill(database.getCollection(CitizenStore.COLLECTION), citizens);
        System.out.printf(
            Locale.ROOT,
            "%s: %d citizen documents inserted in %.1f s%n",
            address,
            citizens,
            (System.nanoTime() - filling) / 1e9);
        for (int shape = 4; shape < arguments.length; shape++) {
          String[] parts = arguments[shape].split("x");
          MongoScoreSink sink =
              new MongoScoreSink(database, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
          System.out.println(run(sink, arguments[shape], citizens, batch, seconds));
        }
      } finally {
        database.drop();
      }
    }
    System.exit(0);
  }

  private static void fill(MongoCollection<Document> collection, int citizens) {
    List<Document> documents = new ArrayList<>();
    for (int number = 0; number < citizens; number++) {
      documents.add(
          new Document("_id", citizenId(number))
              .append("name", "Citizen " + number)
              .append("region", "region-" + number % 20)
              .append("registered_at", new java.util.Date(0)));
      if (documents.size() == CitizenStore.INSERTS_PER_REQUEST) {
        collection.insertMany(documents, new InsertManyOptions().ordered(false));
        documents.clear();
      }
    }
    if (!documents.isEmpty()) {
      collection.insertMany(documents, new InsertManyOptions().ordered(false));
    }
  }

  /** Micro-batches of consecutive citizens, wrapping around, so that each batch names new ones. */
  private static String run(
      MongoScoreSink sink, String shape, int citizens, int batch, int seconds) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long started = System.nanoTime();
    long updates = 0;
    long batches = 0;
    int next = 0;
    while (System.nanoTime() < deadline) {
      List<CitizenUpdate> touched = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        touched.add(update(citizenId(next), batches));
        next = (next + 1) % citizens;
      }
      sink.write(new MicroBatchOutcome(batches, batch, List.of(), List.of(), List.of(), touched));
      updates += batch;
      batches++;
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    return String.format(
        Locale.ROOT,
        "shape %-6s (statements x in flight): %6.0f citizen updates/s, %5d ms per micro-batch of %d"
            + " (%d micro-batches in %.1f s)",
        shape,
        updates / elapsed,
        Math.round(elapsed * 1000 / batches),
        batch,
        batches,
        elapsed);
  }

  private static CitizenUpdate update(String citizenId, long batchNumber) {
    double raw = batchNumber % 97;
    return new CitizenUpdate(
        citizenId,
        Map.of(),
        Set.of(),
        null,
        null,
        batchNumber,
        new Score(raw, BigDecimal.valueOf(500 + raw), "B", batchNumber),
        1_700_000_000_000L + batchNumber);
  }

  private static String citizenId(int number) {
    return String.format(Locale.ROOT, "bench-%07d", number);
  }
}
