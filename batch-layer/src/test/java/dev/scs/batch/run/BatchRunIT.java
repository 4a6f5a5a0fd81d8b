package dev.scs.batch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.batch.archive.ArchiveTable;
import dev.scs.batch.fixtures.DgraphCitizens;
import dev.scs.batch.fixtures.FailingBatchStores;
import dev.scs.batch.fixtures.PrefixedCitizenGraph;
import dev.scs.batch.fixtures.ServedFromTables;
import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.fixtures.VectorArchive;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.speed.SpeedLedgerTable;
import dev.scs.batch.store.BatchStores;
import dev.scs.batch.store.CassandraBatchStores;
import dev.scs.batch.store.MongoScoringInputs;
import dev.scs.batch.store.PublishedRun;
import dev.scs.batch.store.StoreConnections;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.replay.CitizenReplay;
import dev.scs.scoring.view.Score;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.cassandra.CassandraKeyspaceSetup;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.dgraph.DgraphSchemaSetup;
import dev.scs.stores.mongodb.ConfigStore;
import dev.scs.stores.mongodb.MongoCollectionSetup;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleStore;
import dev.scs.testing.Folders;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batch runs against the real stack (Cassandra, FerretDB): the archive holds public vector 1 as the
 * speed layer would have written it (late events and a missed duplicate included), the speed ledger
 * holds the firings of the events ingested after W, and MongoDB holds the rules, config and
 * citizens. Each test class run gets a keyspace and a database of its own; Dgraph has one graph for
 * everybody, so the run's citizen ids reach it with the same name as a prefix ({@link
 * PrefixedCitizenGraph}), and only those nodes are read and deleted.
 */
@RequiresLocalStack({Service.CASSANDRA, Service.MONGODB, Service.DGRAPH})
class BatchRunIT {
  private static final String VECTOR = "public-1";

  private static SparkSession spark;
  private static StoreSettings settings;
  private static VectorArchive archive;
  private static Path lake;
  private static String graphPrefix;

  @BeforeAll
  static void fillTheStores(LocalStackAddresses addresses) throws Exception {
    String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    settings =
        StoreSettings.from(
            Map.of(
                StoreSettings.CASSANDRA_CONTACT_POINT,
                addresses.cassandra().toString(),
                StoreSettings.CASSANDRA_KEYSPACE,
                name,
                StoreSettings.MONGODB_URI,
                "mongodb://" + addresses.mongodb(),
                StoreSettings.MONGODB_DATABASE,
                name,
                StoreSettings.DGRAPH_ADDRESS,
                addresses.dgraph().toString()));
    graphPrefix = name + "-";
    try (DgraphConnection dgraph = DgraphConnection.open(settings)) {
      new DgraphSchemaSetup(dgraph.client()).apply();
    }
    try (CqlSession session = CassandraSessions.open(settings)) {
      new CassandraKeyspaceSetup(session, name).apply();
    }
    archive = VectorArchive.of(VECTOR);
    try (MongoClient client = MongoConnections.open(settings)) {
      MongoDatabase database = MongoConnections.database(client, settings);
      new MongoCollectionSetup(database).apply();
      new RuleStore(database).add(archive.vector().rulesJson());
      new ConfigStore(database).put(archive.vector().configJson());
      List<Document> citizens = new ArrayList<>();
      archive
          .regions()
          .forEach((id, region) -> citizens.add(new Document("_id", id).append("region", region)));
      database.getCollection("citizens").insertMany(citizens);
    }
    spark = TestSpark.session();
    CassandraBatchStores stores = cassandra();
    stores.write(ArchiveTable.NAME, spark.createDataFrame(archive.archive(), ArchiveTable.SCHEMA));
    stores.write(
        SpeedLedgerTable.NAME,
        spark.createDataFrame(archive.speedLedger(), SpeedLedgerTable.SCHEMA));
    // What the speed layer left before the run: a view and a cooldown it kept since an earlier
    // watermark. The run leaves both alone (the speed layer rebases them); readers ignore the view,
    // whose watermark is not the published one.
    stores.write(
        "speed_view",
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "c-1",
                    new Timestamp(0),
                    new Timestamp(0),
                    Map.of(1L, 5.0),
                    new Timestamp(0),
                    1L)),
            StructType.fromDDL(
                "citizen_id STRING, watermark TIMESTAMP, reference_at TIMESTAMP,"
                    + " sums MAP<BIGINT, DOUBLE>, latest_firing_at TIMESTAMP, firings BIGINT")));
    stores.write(
        "rule_state",
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "c-1", "no-longer-a-rule", List.of(new Timestamp(0)), new Timestamp(0))),
            StructType.fromDDL(
                "citizen_id STRING, rule_id STRING, firing_times ARRAY<TIMESTAMP>, as_of TIMESTAMP")));
    lake = Files.createTempDirectory("batch-run-it-lake");
  }

  @AfterAll
  static void dropTheStores() throws Exception {
    try (CqlSession session = CassandraSessions.open(settings)) {
      new CassandraKeyspaceSetup(session, settings.cassandraKeyspace()).drop();
    }
    try (MongoClient client = MongoConnections.open(settings)) {
      MongoConnections.database(client, settings).drop();
    }
    try (DgraphConnection dgraph = DgraphConnection.open(settings)) {
      new DgraphCitizens(dgraph.client(), graphPrefix).deleteAll();
    }
    Folders.deleteRecursively(lake);
  }

  private static CassandraBatchStores cassandra() {
    return (CassandraBatchStores) StoreConnections.batchStores(spark, settings);
  }

  private static BatchRunReport run(BatchStores stores) {
    return run(stores, new BatchRunSettings(730L * 86_400_000L, 5, 50, 10, true, null));
  }

  private static BatchRunReport run(BatchStores stores, BatchRunSettings runSettings) {
    return run(stores, runSettings, settings);
  }

  /** A run whose graph store is the one at {@code graphStore}'s dgraph.address. */
  private static BatchRunReport run(
      BatchStores stores, BatchRunSettings runSettings, StoreSettings graphStore) {
    ScoringInputs inputs = MongoScoringInputs.load(settings);
    return new BatchRun(
            inputs,
            stores,
            StoreConnections.citizens(spark, settings),
            new PrefixedCitizenGraph(graphPrefix, StoreConnections.graph(spark, graphStore)),
            new Lake(spark, lake.toString()),
            runSettings,
            Clock.fixed(Instant.ofEpochMilli(archive.asOf()), ZoneOffset.UTC),
            new RunProgress(new PrintStream(OutputStream.nullOutputStream()), "batch"))
        .run(archive.watermark());
  }

  @Test
  void servedScoresAfterARunOverTheArchivedVectorEqualTheVectorsScores() throws Exception {
    BatchRunReport report = run(cassandra());

    CassandraBatchStores stores = cassandra();
    assertThat(stores.publishedRun()).map(PublishedRun::runId).hasValue(report.runId());
    assertThat(rowsOf("batch_runs", report.runId()))
        .singleElement()
        .satisfies(row -> assertThat(row.<String>getAs("status")).isEqualTo("reconciled"));
    ScoringInputs inputs = MongoScoringInputs.load(settings);
    Map<String, Score> served =
        ServedFromTables.at(
            archive.asOf(),
            archive.watermark().epochMillis(),
            rowsOf("batch_view", report.runId()),
            stores.read("speed_view").collectAsList(),
            rowsOf("batch_ledger", report.runId()),
            SpeedLedgerTable.ingestedFrom(stores.speedLedger(), archive.watermark())
                .collectAsList(),
            inputs.config());
    Map<String, JsonNode> expected = archive.expectedScores();
    assertThat(served).containsOnlyKeys(expected.keySet());
    expected.forEach(
        (citizen, want) -> {
          assertThat(served.get(citizen).raw())
              .as(citizen)
              .isCloseTo(want.get("raw").doubleValue(), within(1e-6));
          assertThat(served.get(citizen).tier())
              .as(citizen)
              .isEqualTo(want.get("tier").textValue());
          assertThat(served.get(citizen).firings())
              .as(citizen)
              .isEqualTo(want.get("firings").longValue());
        });

    try (MongoClient client = MongoConnections.open(settings)) {
      for (Document citizen :
          MongoConnections.database(client, settings).getCollection("citizens").find()) {
        JsonNode want = expected.get(citizen.getString("_id"));
        if (want != null) {
          assertThat(citizen.getDouble("score"))
              .as(citizen.getString("_id"))
              .isCloseTo(want.get("score").doubleValue(), within(0.01));
          assertThat(citizen.getString("tier"))
              .as(citizen.getString("_id"))
              .isEqualTo(want.get("tier").textValue());
        }
      }
    }
  }

  @Test
  void theRunsRuleStateHoldsEveryFiringTimeTheCanonicalStateHoldsAndTheSpeedTablesAreLeftAlone() {
    BatchRunReport report = run(cassandra());

    Map<String, List<Long>> stored = new HashMap<>();
    for (Row row : rowsOf("batch_rule_state", report.runId())) {
      List<Long> times = new ArrayList<>();
      for (Object time : row.getList(row.fieldIndex("firing_times"))) {
        times.add(((Timestamp) time).getTime());
      }
      stored.put(row.getAs("citizen_id") + "/" + row.getAs("rule_id"), times);
    }
    Map<String, List<Event>> byCitizen = new HashMap<>();
    for (Event event : archive.batchSideEvents()) {
      byCitizen.computeIfAbsent(event.citizenId(), id -> new ArrayList<>()).add(event);
    }
    ScoringInputs inputs = MongoScoringInputs.load(settings);
    CitizenReplay replay = new CitizenReplay(inputs.rules(), inputs.config());
    byCitizen.forEach(
        (citizen, events) ->
            replay
                .replay(events, archive.asOf())
                .state()
                .snapshot()
                .forEach(
                    (rule, times) -> {
                      assertThat(stored).as(citizen + "/" + rule).containsKey(citizen + "/" + rule);
                      for (long time : times) {
                        assertThat(stored.get(citizen + "/" + rule))
                            .as(citizen + "/" + rule)
                            .contains(time);
                      }
                    }));
    assertThat(cassandra().read("rule_state").collectAsList())
        .singleElement()
        .satisfies(row -> assertThat(row.<String>getAs("rule_id")).isEqualTo("no-longer-a-rule"));
    assertThat(cassandra().read("speed_view").collectAsList())
        .singleElement()
        .satisfies(row -> assertThat(row.<Timestamp>getAs("watermark").getTime()).isZero());
  }

  @Test
  void aRunThatWaitsForTheSpeedLayerFailsInOneLineUntilItHasCommittedThroughW() throws Exception {
    BatchRunSettings waitBriefly =
        new BatchRunSettings(730L * 86_400_000L, 5, 50, 10, true, Duration.ofSeconds(2));
    Optional<PublishedRun> before = cassandra().publishedRun();

    assertThatThrownBy(() -> run(cassandra(), waitBriefly))
        .isInstanceOf(SpeedLayerHandOver.SpeedLayerBehindException.class)
        .hasMessageContaining("has not committed through W = " + archive.watermark())
        .hasMessageContaining("--no-wait")
        .hasMessageNotContaining("\n");
    assertThat(cassandra().speedProgress().wantedThrough())
        .isEqualTo(archive.watermark().epochMillis());
    assertThat(cassandra().publishedRun()).isEqualTo(before);

    // The speed layer's side, as CassandraProgressStore writes it: committed through W, and
    // recording again after the run looked (a micro-batch or an idle heartbeat).
    AtomicBoolean running = new AtomicBoolean(true);
    Thread speedLayer =
        new Thread(
            () -> {
              try (CqlSession session = CassandraSessions.open(settings)) {
                while (running.get()) {
                  session.execute(
                      "UPDATE "
                          + settings.cassandraKeyspace()
                          + ".speed_progress SET committed_through = ?, recorded_at = ? WHERE name"
                          + " = 'speed-layer'",
                      Instant.ofEpochMilli(archive.watermark().epochMillis()),
                      Instant.now());
                  Thread.sleep(100);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    speedLayer.start();
    try {
      BatchRunReport report =
          run(
              cassandra(),
              new BatchRunSettings(730L * 86_400_000L, 5, 50, 10, true, Duration.ofSeconds(60)));
      assertThat(cassandra().publishedRun()).map(PublishedRun::runId).hasValue(report.runId());
    } finally {
      running.set(false);
      speedLayer.join();
    }
    assertThat(cassandra().speedProgress().wantedThrough())
        .as("the speed layer's writes leave the run's column alone")
        .isEqualTo(archive.watermark().epochMillis());
  }

  @Test
  void aRunKilledBeforeItWroteItsBatchViewPublishesNothing() {
    Optional<PublishedRun> before = cassandra().publishedRun();

    assertThatThrownBy(() -> run(new FailingBatchStores(cassandra(), "batch_view")))
        .isInstanceOf(FailingBatchStores.KilledRunException.class);

    assertThat(cassandra().publishedRun()).isEqualTo(before);
    assertThat(rowsOf("batch_runs", archive.watermark().runId()))
        .allSatisfy(row -> assertThat(row.<String>getAs("status")).isNotEqualTo("written"));
  }

  @Test
  void aSecondRunForTheSameWatermarkWritesTheSameRows() {
    BatchRunReport first = run(cassandra());
    Map<String, Long> rowsAfterFirst = runRowCounts(first.runId());
    List<Row> viewsAfterFirst = sortedViews(first.runId());

    BatchRunReport second = run(cassandra());

    assertThat(second.runId()).isEqualTo(first.runId());
    assertThat(runRowCounts(second.runId())).isEqualTo(rowsAfterFirst);
    assertThat(sortedViews(second.runId())).isEqualTo(viewsAfterFirst);
    assertThat(rowsAfterFirst.get("batch_ledger")).isEqualTo(first.summary().firings());
    assertThat(new Lake(spark, lake.toString()).readRunTable("scores", first.runId()).count())
        .isEqualTo(first.summary().citizens());
  }

  @Test
  void theCitizensNodesInDgraphHoldTheRunsScoreAtWAndTheLakesMetricsAlsoAfterASecondRun() {
    BatchRunReport report = run(cassandra());
    System.err.print(report.render());

    Map<String, JsonNode> nodes;
    try (DgraphConnection dgraph = DgraphConnection.open(settings)) {
      nodes = new DgraphCitizens(dgraph.client(), graphPrefix).nodes();
    }
    Lake runLake = new Lake(spark, lake.toString());
    Map<String, Row> metrics = new HashMap<>();
    runLake
        .readRunTable(Lake.GRAPH_METRICS, report.runId())
        .collectAsList()
        .forEach(row -> metrics.put(row.getAs("citizen_id"), row));
    Map<String, Double> scores = new HashMap<>();
    runLake
        .readRunTable(Lake.SCORES, report.runId())
        .selectExpr("citizen_id", "cast(score as double) as score")
        .collectAsList()
        .forEach(row -> scores.put(row.getString(0), row.getDouble(1)));

    assertThat(report.graphNodes()).hasValue(nodes.size());
    assertThat(nodes.keySet()).containsAll(scores.keySet()).containsAll(metrics.keySet());
    nodes.forEach(
        (citizen, node) -> {
          Row lakeRow = metrics.get(citizen);
          assertThat(node.path("degree").asLong(-1))
              .as(citizen + " degree")
              .isEqualTo(lakeRow == null ? 0L : lakeRow.getLong(lakeRow.fieldIndex("degree")));
          assertThat(node.path("pagerank").asDouble(-1))
              .as(citizen + " pagerank")
              .isEqualTo(lakeRow == null ? 0.0 : lakeRow.getDouble(lakeRow.fieldIndex("pagerank")));
          if (scores.containsKey(citizen)) {
            assertThat(node.path("batch_score").asDouble(-1))
                .as(citizen + " batch_score")
                .isEqualTo(scores.get(citizen));
          } else {
            assertThat(node.has("batch_score")).as(citizen + " has no batch_score").isFalse();
          }
        });
    assertThat(nodes.values())
        .anySatisfy(node -> assertThat(node.path("degree").asLong()).isPositive());

    run(cassandra());

    try (DgraphConnection dgraph = DgraphConnection.open(settings)) {
      assertThat(new DgraphCitizens(dgraph.client(), graphPrefix).nodes()).isEqualTo(nodes);
    }
  }

  @Test
  void aRunWhoseDgraphIsDownStaysPublishedItsRecordSaysSoAndARerunFinishesIt() throws Exception {
    StoreSettings noDgraph;
    try (ServerSocket unused = new ServerSocket(0)) {
      noDgraph =
          StoreSettings.from(
              Map.of(StoreSettings.DGRAPH_ADDRESS, "127.0.0.1:" + unused.getLocalPort()));
    }
    Watermark w = archive.watermark();

    assertThatThrownBy(
            () ->
                run(
                    cassandra(),
                    new BatchRunSettings(730L * 86_400_000L, 5, 50, 10, true, null),
                    noDgraph))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("run " + w.runId() + " is published, but writing batch scores")
        .hasMessageEndingWith(
            "status stays published: run again with --watermark " + w + " to finish")
        .hasMessageNotContaining("\n");

    assertThat(cassandra().publishedRun()).map(PublishedRun::runId).hasValue(w.runId());
    assertThat(rowsOf("batch_runs", w.runId()))
        .singleElement()
        .satisfies(row -> assertThat(row.<String>getAs("status")).isEqualTo("published"));

    run(cassandra());

    assertThat(rowsOf("batch_runs", w.runId()))
        .singleElement()
        .satisfies(row -> assertThat(row.<String>getAs("status")).isEqualTo("reconciled"));
  }

  private static List<Row> rowsOf(String table, String runId) {
    return cassandra().read(table).filter("run_id = '" + runId + "'").collectAsList();
  }

  private static Map<String, Long> runRowCounts(String runId) {
    Map<String, Long> counts = new HashMap<>();
    for (String table :
        List.of(
            "batch_ledger",
            "batch_view",
            "batch_rule_state",
            "batch_daily_counts",
            "batch_rule_hits",
            "batch_tier_counts")) {
      counts.put(table, (long) rowsOf(table, runId).size());
    }
    return counts;
  }

  private static List<Row> sortedViews(String runId) {
    Dataset<Row> views = cassandra().read("batch_view").filter("run_id = '" + runId + "'");
    return views
        .orderBy("citizen_id")
        .selectExpr("citizen_id", "cast(sums as string)", "latest_firing_at", "firings")
        .collectAsList();
  }
}
