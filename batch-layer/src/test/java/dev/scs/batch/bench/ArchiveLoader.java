package dev.scs.batch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import com.datastax.oss.driver.api.core.CqlSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.batch.recompute.CanonicalRecompute;
import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.replay.JsonLinesEventSource;
import dev.scs.batch.spark.LocalSpark;
import dev.scs.batch.store.CassandraBatchStores;
import dev.scs.batch.store.StoreConnections;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.cassandra.CassandraKeyspaceSetup;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.stores.mongodb.CitizenProfile;
import dev.scs.stores.mongodb.CitizenStore;
import dev.scs.stores.mongodb.ConfigStore;
import dev.scs.stores.mongodb.MongoCollectionSetup;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Fills a keyspace and a database the way the speed layer and the seed would have, for the batch
 * benchmark and for trying {@code ./scs batch run} by hand: every accepted, de-duplicated event of
 * a JSON Lines file archived as ingested one second after it occurred, the rules and config in
 * MongoDB, and a citizen document (with a region) for every citizen with an event.
 *
 * <p>Usage: {@code ArchiveLoader EVENTS.jsonl RULES.json CONFIG.json}, stores from the -D store
 * settings ({@code -Dcassandra.keyspace=bench -Dmongodb.database=bench}). It replaces the keyspace
 * and the database: point it at scratch ones only.
 */
public final class ArchiveLoader {
  private static final String[] REGIONS = {"north", "south", "east", "west", "centre"};

  private ArchiveLoader() {}

  public static void main(String[] arguments) throws Exception {
    Path events = Path.of(arguments[0]);
    String rulesJson = Files.readString(Path.of(arguments[1]));
    String configJson = Files.readString(Path.of(arguments[2]));
    StoreSettings settings = StoreSettings.fromSystemProperties();
    if (settings.cassandraKeyspace().equals("scs") || settings.mongodbDatabase().equals("scs")) {
      throw new IllegalArgumentException(
          "the loader replaces its keyspace and database: give scratch ones with"
              + " -Dcassandra.keyspace=... -Dmongodb.database=...");
    }
    long started = System.nanoTime();
    try (CqlSession session = CassandraSessions.open(settings)) {
      CassandraKeyspaceSetup keyspace =
          new CassandraKeyspaceSetup(session, settings.cassandraKeyspace());
      keyspace.drop();
      keyspace.apply();
    }
    SparkSession spark =
        LocalSpark.session("scs-archive-loader", null, LocalSpark.defaultShufflePartitions());
    try {
      ScoringInputs inputs = ScoringInputs.parse(rulesJson, configJson);
      // Ingested "now" for validation, so that no event of the file counts as from the future.
      long validationTime = Long.MAX_VALUE / 4;
      try (RecomputeResult result =
          new CanonicalRecompute(inputs, null, validationTime)
              .run(JsonLinesEventSource.read(spark, events.toString(), validationTime))) {
        Dataset<Row> archive =
            result
                .accepted()
                .select(
                    col("citizenId").as("citizen_id"),
                    expr("timestamp_millis(occurredAt)").as("occurred_at"),
                    col("eventId").as("event_id"),
                    expr("get_json_object(value, '$.type')").as("type"),
                    expr("get_json_object(value, '$.source')").as("source"),
                    expr("timestamp_millis(occurredAt + 1000)").as("ingested_at"),
                    col("value").as("raw_json"),
                    expr("cast(0 as int)").as("kafka_partition"),
                    col("sequence").as("kafka_offset"));
        CassandraBatchStores stores =
            (CassandraBatchStores) StoreConnections.batchStores(spark, settings);
        stores.write("events_archive", archive);
        stores.write("event_ids", archive.select("event_id", "citizen_id", "ingested_at"));
        List<String> citizens =
            result
                .accepted()
                .select("citizenId")
                .distinct()
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        storeMongo(settings, rulesJson, configJson, citizens);
        System.out.printf(
            "archived %,d events of %,d citizens into %s in %.1f s%n",
            result.accepted().count(),
            citizens.size(),
            settings.cassandraKeyspace(),
            (System.nanoTime() - started) / 1e9);
      }
    } finally {
      spark.stop();
    }
  }

  private static void storeMongo(
      StoreSettings settings, String rulesJson, String configJson, List<String> citizenIds)
      throws Exception {
    try (MongoClient client = MongoConnections.open(settings)) {
      MongoDatabase database = MongoConnections.database(client, settings);
      database.drop();
      new MongoCollectionSetup(database).apply();
      new RuleStore(database).add(rulesJson);
      new ConfigStore(database).put(configJson);
      List<CitizenProfile> profiles = new ArrayList<>(citizenIds.size());
      for (String id : citizenIds) {
        String region = REGIONS[Math.floorMod(id.hashCode(), REGIONS.length)];
        profiles.add(new CitizenProfile(id, "Synthetic " + id, region, null, null, null));
      }
      new CitizenStore(database).upsert(profiles);
    }
  }
}
