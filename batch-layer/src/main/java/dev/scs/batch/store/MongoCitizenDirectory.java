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
import java.util.ArrayList;
import java.util.Date;
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

  public MongoCitizenDirectory(SparkSession spark, String uri, String database) {
    this.spark = spark;
    this.uri = uri;
    this.database = database;
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
    String mongoUri = uri;
    String databaseName = database;
    ForeachPartitionFunction<ServedScore> writePartition =
        partition -> {
          try (MongoClient client = open(mongoUri)) {
            MongoCollection<Document> citizens =
                client.getDatabase(databaseName).getCollection(COLLECTION);
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
    scores.foreachPartition(writePartition);
    return new Reconciliation(updated.value(), skipped.value(), 0);
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
