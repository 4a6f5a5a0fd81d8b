package dev.scs.batch.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import dev.scs.batch.view.ServedScore;
import dev.scs.stores.mongodb.CitizenStore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * MongoDB's {@code citizens} collection (schemas/mongodb/collections.json) through the sync driver:
 * regions are read on the driver (one small document per citizen), scores are set from the
 * executors in unordered bulk requests.
 */
public final class MongoCitizenDirectory implements CitizenDirectory {
  public static final String COLLECTION = "citizens";

  /**
   * Updates per bulk request: as few as the stores' own citizen writes use, because FerretDB 1.24
   * on SQLite (the local stack) holds a connection per statement of a request, from 100 per
   * database, and stops answering when more are in flight. Every executor core writes one request
   * at a time: with 50 per request, a 10 M-event run on 2 cores (2 requests, 100 statements) hung
   * the reconcile.
   */
  static final int BATCH_SIZE = CitizenStore.UPDATES_PER_REQUEST;

  /**
   * At most this many tasks write at once, however many cores the executors have: the scores are
   * coalesced to this many partitions before they are written, each task with one request in
   * flight, so at most 3 * 16 = 48 statements. That leaves room under FerretDB's 100 for the speed
   * layer's MongoDB sink (commands of 8 statements, 4 in flight) writing the same database at the
   * same time; without the cap, {@code local[*]} on 8 cores put 128 statements in flight.
   */
  static final int MAX_WRITING_TASKS = 3;

  private static final StructType CITIZENS =
      new StructType()
          .add("citizen_id", DataTypes.StringType, false)
          .add("region", DataTypes.StringType, true)
          .add("score", DataTypes.DoubleType, true)
          .add("tier", DataTypes.StringType, true)
          .add("raw", DataTypes.DoubleType, true)
          .add("score_updated_at", DataTypes.LongType, true);

  private final SparkSession spark;
  private final String uri;
  private final String database;
  private final PartitionWriter writer;

  public MongoCitizenDirectory(SparkSession spark, String uri, String database) {
    this(spark, uri, database, bulkUpdates(uri, database));
  }

  /**
   * @param writer writes one partition of scores: {@link #bulkUpdates} for MongoDB, a fake in a
   *     test of how the scores are split into writing tasks
   */
  MongoCitizenDirectory(SparkSession spark, String uri, String database, PartitionWriter writer) {
    this.spark = spark;
    this.uri = uri;
    this.database = database;
    this.writer = writer;
  }

  /** Writes the scores of one partition, in one task; adds what it did to the two counts. */
  @FunctionalInterface
  interface PartitionWriter extends Serializable {
    void write(Iterator<ServedScore> partition, LongAccumulator updated, LongAccumulator skipped);
  }

  /** One scan of the collection, read on the driver: a small document per citizen. */
  @Override
  public Dataset<Row> citizens() {
    List<Row> rows = new ArrayList<>();
    try (MongoClient client = open(uri)) {
      for (Document citizen :
          citizens(client)
              .find()
              .projection(
                  Projections.include("_id", "region", "score", "tier", "raw", "score_updated_at"))
              .batchSize(10_000)) {
        Object region = citizen.get("region");
        Object score = citizen.get("score");
        Object tier = citizen.get("tier");
        Object raw = citizen.get("raw");
        Object updatedAt = citizen.get("score_updated_at");
        rows.add(
            RowFactory.create(
                String.valueOf(citizen.get("_id")),
                region == null ? null : region.toString(),
                score instanceof Number number ? number.doubleValue() : null,
                tier == null ? null : tier.toString(),
                raw instanceof Number number ? number.doubleValue() : null,
                updatedAt instanceof Date date ? date.getTime() : null));
      }
    }
    return spark.createDataFrame(rows, CITIZENS);
  }

  @Override
  public Reconciliation reconcile(Dataset<ServedScore> scores) {
    LongAccumulator updated = spark.sparkContext().longAccumulator("citizens updated");
    LongAccumulator skipped = spark.sparkContext().longAccumulator("citizens skipped");
    PartitionWriter writePartition = writer;
    inWritingTasks(scores)
        .foreachPartition(
            (ForeachPartitionFunction<ServedScore>)
                partition -> writePartition.write(partition, updated, skipped));
    return new Reconciliation(updated.value(), skipped.value(), 0);
  }

  /**
   * The scores in at most {@link #MAX_WRITING_TASKS} partitions. A coalesce, not a repartition: no
   * shuffle, and the run hands over scores it has cached, so the narrower stage reads the cache and
   * the stages before it keep their width.
   */
  static Dataset<ServedScore> inWritingTasks(Dataset<ServedScore> scores) {
    return scores.coalesce(MAX_WRITING_TASKS);
  }

  /** Unordered bulk requests of {@link #BATCH_SIZE} updates, one at a time, over one client. */
  static PartitionWriter bulkUpdates(String uri, String database) {
    return (partition, updated, skipped) -> {
      try (MongoClient client = open(uri)) {
        MongoCollection<Document> citizens = client.getDatabase(database).getCollection(COLLECTION);
        List<WriteModel<Document>> batch = new ArrayList<>(BATCH_SIZE);
        while (partition.hasNext()) {
          batch.add(update(partition.next()));
          if (batch.size() == BATCH_SIZE || !partition.hasNext()) {
            BulkWriteResult result =
                citizens.bulkWrite(batch, new BulkWriteOptions().ordered(false));
            updated.add(result.getMatchedCount());
            skipped.add(batch.size() - result.getMatchedCount());
            batch.clear();
          }
        }
      }
    };
  }

  /**
   * Sets the score fields only: the profile stays as imported. No upsert, because a score without a
   * registered citizen must not create one. Only where raw and score_updated_at are still as the
   * run read them: the speed layer writes both with every score, so a citizen it scored since holds
   * a score newer than the run's and keeps it; one it scored before holds firings the run read in
   * the ledger, since a run reads the ledger only once every micro-batch in flight when it read
   * MongoDB has finished (batch-layer/README.md, "Hand-over"). A score that equals the stored one
   * in both is the same score, whichever wrote it.
   */
  private static WriteModel<Document> update(ServedScore score) {
    Document fields =
        new Document("score", Double.parseDouble(score.getScore()))
            .append("raw", score.getRaw())
            .append("score_updated_at", new Date(score.getAsOf()));
    Document change = new Document("$set", fields);
    if (score.getTier() == null) {
      change.append("$unset", new Document("tier", ""));
    } else {
      fields.append("tier", score.getTier());
    }
    Bson unchangedSinceRead =
        Filters.and(
            eq("_id", score.getCitizenId()),
            eq("raw", score.getStoredRaw()),
            eq(
                "score_updated_at",
                score.getStoredAt() == null ? null : new Date(score.getStoredAt())));
    return new UpdateOneModel<>(unchangedSinceRead, change);
  }

  /**
   * A client that gives up instead of waiting for ever: a server that accepts connections but no
   * longer answers would otherwise hang the run. The URI's own timeouts win.
   */
  static MongoClient open(String uri) {
    ConnectionString connection = new ConnectionString(uri);
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder().applyConnectionString(connection);
    if (connection.getServerSelectionTimeout() == null) {
      settings.applyToClusterSettings(
          cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS));
    }
    if (connection.getSocketTimeout() == null) {
      settings.applyToSocketSettings(
          socket -> socket.connectTimeout(10, TimeUnit.SECONDS).readTimeout(120, TimeUnit.SECONDS));
    }
    return MongoClients.create(settings.build());
  }

  private MongoCollection<Document> citizens(MongoClient client) {
    return client.getDatabase(database).getCollection(COLLECTION);
  }
}
