package dev.scs.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.event.CitizenRegistry;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.event.EventValidator;
import dev.scs.scoring.event.EventVerdict;
import dev.scs.scoring.replay.CitizenReplay;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.scoring.time.Instants;
import dev.scs.scoring.view.Score;
import dev.scs.scoring.view.ScoreView;
import dev.scs.serving.support.ApiClient;
import dev.scs.serving.support.IsolatedStoreSettings;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.cassandra.CassandraKeyspaceSetup;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.dgraph.DgraphSchemaSetup;
import dev.scs.stores.dgraph.SocialGraph;
import dev.scs.stores.dgraph.TieChange;
import dev.scs.stores.mongodb.CitizenProfile;
import dev.scs.stores.mongodb.CitizenStore;
import dev.scs.stores.mongodb.ConfigStore;
import dev.scs.stores.mongodb.MongoCollectionSetup;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleStore;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.ScoringVectors;
import dev.scs.testing.Service;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The score endpoint on the real stack. For each public vector, its independently computed ledger
 * is split at a watermark W into what a batch run publishes (published_run, batch_view,
 * batch_ledger) and what the speed layer writes afterwards (ledger rows ingested at or after W, and
 * a speed_view row: counting from W for some citizens, from an older watermark for others, missing
 * for the rest), and MongoDB gets the vector's citizens, rules and config. The served scores must
 * equal the vector's expected scores at its as-of instant, and scoring-core's replay of the
 * vector's events 45 days later. Each vector gets a keyspace and a database of its own.
 */
@RequiresLocalStack({Service.CASSANDRA, Service.MONGODB, Service.DGRAPH})
class ServingOnLocalStackIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long LATER = 45L * 86_400_000L;
  private static final String RUN_ID = "20260401T000000.000Z";

  private static final List<StoreSettings> created = new ArrayList<>();
  private static LocalStackAddresses stack;

  @BeforeAll
  static void remember(LocalStackAddresses addresses) {
    stack = addresses;
  }

  @AfterAll
  static void dropTheStores() {
    for (StoreSettings settings : created) {
      try (CqlSession session = CassandraSessions.open(settings)) {
        new CassandraKeyspaceSetup(session, settings.cassandraKeyspace()).drop();
      }
      try (MongoClient client = MongoConnections.open(settings)) {
        MongoConnections.database(client, settings).drop();
      }
    }
  }

  @Test
  void publicVectorOneIsServedAsExpectedNowAndLater() throws Exception {
    servesTheVector("public-1");
  }

  @Test
  void publicVectorTwoIsServedAsExpectedNowAndLater() throws Exception {
    servesTheVector("public-2");
  }

  /**
   * Network and path answer from the live graph in Dgraph, as the speed layer writes it (through
   * SocialGraph), with each node's score from its profile. Citizen ids are unique to the run,
   * because Dgraph has one graph for every test; their nodes are deleted afterwards.
   */
  @Test
  void networkAndPathAnswerFromTheLiveGraphInDgraph() throws Exception {
    StoreSettings settings = isolatedStores();
    String run = settings.mongodbDatabase().replace('_', '-');
    List<String> ids = List.of(run + "-a", run + "-b", run + "-c", run + "-d", run + "-e");
    try (CqlSession session = CassandraSessions.open(settings)) {
      new CassandraKeyspaceSetup(session, settings.cassandraKeyspace()).apply();
    }
    try (MongoClient client = MongoConnections.open(settings)) {
      MongoDatabase database = MongoConnections.database(client, settings);
      new MongoCollectionSetup(database).apply();
      List<CitizenProfile> profiles = new ArrayList<>();
      for (String id : ids) {
        profiles.add(CitizenProfile.onlyId(id));
      }
      new CitizenStore(database).upsert(profiles);
    }
    try (DgraphConnection dgraph = DgraphConnection.open(settings)) {
      new DgraphSchemaSetup(dgraph.client()).apply();
      SocialGraph graph = new SocialGraph(dgraph.client());
      try {
        graph.applyTieChanges(
            List.of(
                TieChange.added(ids.get(0), ids.get(1), "friend"),
                TieChange.added(ids.get(1), ids.get(0), "family"),
                TieChange.added(ids.get(2), ids.get(1), "colleague"),
                TieChange.added(ids.get(2), ids.get(3), "neighbor"),
                TieChange.added(ids.get(3), ids.get(4), "friend"),
                TieChange.removed(ids.get(4), ids.get(3), "friend")));

        try (StoreBackedApi stores = new StoreBackedApi(servingConfig(settings));
            ApiClient client = new ApiClient(stores.api())) {
          JsonNode network =
              client.get("/api/v1/citizens/" + ids.get(0) + "/network?depth=2").json();
          assertThat(network.get("source").asText()).isEqualTo("dgraph");
          assertThat(network.get("nodes"))
              .extracting(node -> node.get("citizen_id").asText())
              .containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(2));
          assertThat(network.get("ties")).hasSize(3);

          JsonNode path =
              client.get("/api/v1/citizens/" + ids.get(0) + "/path/" + ids.get(3)).json();
          assertThat(path.get("found").asBoolean()).isTrue();
          assertThat(path.get("citizens"))
              .extracting(JsonNode::asText)
              .containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(3));
          JsonNode none =
              client.get("/api/v1/citizens/" + ids.get(0) + "/path/" + ids.get(4)).json();
          assertThat(none.get("found").asBoolean()).isFalse();
          assertThat(client.get("/health").body()).contains("dgraph");
        }
      } finally {
        graph.deleteCitizens(ids);
      }
    }
  }

  private static void servesTheVector(String name) throws Exception {
    ScoringVectors.Case vector = ScoringVectors.load(name);
    StoreSettings settings = isolatedStores();
    List<Firing> ledger = expectedLedger(vector);
    long watermark = medianTime(ledger);
    loadViews(settings, ledger, watermark);
    loadMongo(settings, vector);

    long asOf = Instants.parseOrThrow(vector.asOf(), "as_of");
    Map<String, Score> later = replay(vector, asOf + LATER);
    try (StoreBackedApi stores = new StoreBackedApi(servingConfig(settings));
        ApiClient client = new ApiClient(stores.api())) {
      for (String line : vector.expectedScoreLines()) {
        JsonNode expected = MAPPER.readTree(line);
        String citizen = expected.get("citizen_id").asText();
        JsonNode served = scoreOf(client, citizen, vector.asOf());
        assertThat(served.get("raw").asDouble())
            .as("raw of %s in %s", citizen, name)
            .isCloseTo(expected.get("raw").asDouble(), within(1e-6));
        assertThat(served.get("score").asDouble())
            .as("score of %s in %s", citizen, name)
            .isCloseTo(expected.get("score").asDouble(), within(0.01));
        assertThat(served.get("tier").isNull() ? null : served.get("tier").asText())
            .as("tier of %s", citizen)
            .isEqualTo(expected.get("tier").isNull() ? null : expected.get("tier").asText());
        assertThat(served.get("firings").asLong())
            .as("firings of %s", citizen)
            .isEqualTo(expected.get("firings").asLong());

        Score replayed = later.get(citizen);
        JsonNode servedLater = scoreOf(client, citizen, Instants.format(asOf + LATER));
        assertThat(servedLater.get("breakdown").get("path").asText()).isEqualTo("views");
        assertThat(servedLater.get("raw").asDouble())
            .as("raw of %s 45 days later", citizen)
            .isCloseTo(replayed.raw(), within(1e-6));
        assertThat(servedLater.get("score").decimalValue())
            .isCloseTo(replayed.score(), within(new BigDecimal("0.01")));
        assertThat(servedLater.get("firings").asLong()).isEqualTo(replayed.firings());
      }
      assertThat(client.get("/api/v1/citizens/not-a-citizen/score").status()).isEqualTo(404);
      JsonNode first = MAPPER.readTree(vector.expectedScoreLines().get(0));
      String citizen = first.get("citizen_id").asText();
      JsonNode explanation =
          client.get("/api/v1/citizens/" + citizen + "/explanation?as_of=" + vector.asOf()).json();
      assertThat(explanation.get("raw").asDouble())
          .isCloseTo(first.get("raw").asDouble(), within(1e-6));
      assertThat(explanation.get("firings")).hasSize(first.get("firings").asInt());
      assertThat(client.get("/api/v1/citizens/" + citizen).status()).isEqualTo(200);
    }
  }

  private static JsonNode scoreOf(ApiClient client, String citizen, String instant) {
    ApiClient.Response response =
        client.get("/api/v1/citizens/" + citizen + "/score?as_of=" + instant);
    assertThat(response.status())
        .as("GET score of %s: %s", citizen, response.body())
        .isEqualTo(200);
    return response.json();
  }

  private static StoreSettings isolatedStores() {
    StoreSettings settings = IsolatedStoreSettings.of(stack);
    created.add(settings);
    return settings;
  }

  private static ServingLayerConfig servingConfig(StoreSettings settings) {
    Map<String, String> keys = new LinkedHashMap<>(settings.asMap());
    keys.put(ServingLayerConfig.CACHE_REFRESH, "PT0S");
    return ServingLayerConfig.from(keys);
  }

  private static List<Firing> expectedLedger(ScoringVectors.Case vector) throws Exception {
    List<Firing> firings = new ArrayList<>();
    for (String line : vector.expectedLedgerLines()) {
      JsonNode json = MAPPER.readTree(line);
      firings.add(
          new Firing(
              json.get("event_id").asText(),
              json.get("citizen_id").asText(),
              json.get("rule_id").asText(),
              json.get("rule_version").asInt(),
              json.get("occurred_at").asLong(),
              new BigDecimal(json.get("delta").asText()),
              json.get("half_life").asLong()));
    }
    return firings;
  }

  private static long medianTime(List<Firing> ledger) {
    long[] times = ledger.stream().mapToLong(Firing::occurredAt).sorted().toArray();
    return times[times.length / 2];
  }

  /**
   * Writes the views as the batch and speed layers would: a firing's event counts as ingested at
   * its event time, so firings before W are the batch run's and the others the speed layer's.
   */
  private static void loadViews(StoreSettings settings, List<Firing> ledger, long watermark) {
    String keyspace = settings.cassandraKeyspace();
    try (CqlSession session = CassandraSessions.open(settings)) {
      new CassandraKeyspaceSetup(session, keyspace).apply();
      PreparedStatement batchLedger =
          session.prepare(
              "INSERT INTO "
                  + keyspace
                  + ".batch_ledger (run_id, citizen_id, occurred_at,"
                  + " event_id, rule_id, rule_version, delta, half_life_ms)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      PreparedStatement speedLedger =
          session.prepare(
              "INSERT INTO "
                  + keyspace
                  + ".ledger (citizen_id, occurred_at, event_id, rule_id,"
                  + " rule_version, delta, half_life_ms, ingested_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      PreparedStatement batchView =
          session.prepare(
              "INSERT INTO "
                  + keyspace
                  + ".batch_view (run_id, citizen_id, reference_at, sums,"
                  + " latest_firing_at, firings) VALUES (?, ?, ?, ?, ?, ?)");
      PreparedStatement speedView =
          session.prepare(
              "INSERT INTO "
                  + keyspace
                  + ".speed_view (citizen_id, watermark, reference_at, sums,"
                  + " latest_firing_at, firings) VALUES (?, ?, ?, ?, ?, ?)");
      Map<String, ScoreView> batchViews = new TreeMap<>();
      Map<String, ScoreView> speedViews = new TreeMap<>();
      for (Firing firing : ledger) {
        Instant occurredAt = Instant.ofEpochMilli(firing.occurredAt());
        if (firing.occurredAt() < watermark) {
          session.execute(
              batchLedger.bind(
                  RUN_ID,
                  firing.citizenId(),
                  occurredAt,
                  firing.eventId(),
                  firing.ruleId(),
                  firing.ruleVersion(),
                  firing.delta(),
                  firing.halfLifeMillis()));
          batchViews
              .computeIfAbsent(firing.citizenId(), id -> ScoreView.empty(watermark))
              .add(firing);
        } else {
          session.execute(
              speedLedger.bind(
                  firing.citizenId(),
                  occurredAt,
                  firing.eventId(),
                  firing.ruleId(),
                  firing.ruleVersion(),
                  firing.delta(),
                  firing.halfLifeMillis(),
                  occurredAt));
          speedViews
              .computeIfAbsent(firing.citizenId(), id -> ScoreView.empty(watermark))
              .add(firing);
        }
      }
      batchViews.forEach(
          (citizen, view) ->
              session.execute(
                  batchView.bind(
                      RUN_ID,
                      citizen,
                      Instant.ofEpochMilli(view.referenceAt()),
                      view.sumsByHalfLife(),
                      Instant.ofEpochMilli(view.latestFiringAt()),
                      view.firings())));
      int index = 0;
      for (Map.Entry<String, ScoreView> entry : speedViews.entrySet()) {
        ScoreView view = entry.getValue();
        switch (index++ % 3) {
          case 0 ->
              session.execute(
                  speedView.bind(
                      entry.getKey(), Instant.ofEpochMilli(watermark),
                      Instant.ofEpochMilli(view.referenceAt()), view.sumsByHalfLife(),
                      Instant.ofEpochMilli(view.latestFiringAt()), view.firings()));
          case 1 ->
              // Left from before the run was published: it must not count.
              session.execute(
                  speedView.bind(
                      entry.getKey(), Instant.ofEpochMilli(watermark - 86_400_000L),
                      Instant.ofEpochMilli(view.referenceAt()), Map.of(1L, 999.0),
                      Instant.ofEpochMilli(view.latestFiringAt()), 99L));
          default -> {
            // No speed view row: the ledger rows are all there is.
          }
        }
      }
      session.execute(
          "INSERT INTO "
              + keyspace
              + ".published_run (name, run_id, watermark, published_at)"
              + " VALUES ('current', ?, ?, ?)",
          RUN_ID,
          Instant.ofEpochMilli(watermark),
          Instant.ofEpochMilli(watermark));
    }
  }

  private static void loadMongo(StoreSettings settings, ScoringVectors.Case vector)
      throws Exception {
    try (MongoClient client = MongoConnections.open(settings)) {
      MongoDatabase database = MongoConnections.database(client, settings);
      new MongoCollectionSetup(database).apply();
      new RuleStore(database).add(vector.rulesJson());
      new ConfigStore(database).put(vector.configJson());
      List<CitizenProfile> profiles = new ArrayList<>();
      for (String line : vector.citizenLines()) {
        profiles.add(CitizenProfile.fromJson(line));
      }
      new CitizenStore(database).upsert(profiles);
    }
  }

  /** scoring-core's replay of the vector (contract, section 8) at another instant. */
  private static Map<String, Score> replay(ScoringVectors.Case vector, long at) throws Exception {
    ScoringConfig config = ScoringConfigParser.parse(vector.configJson());
    long ingestedAt = Instants.parseOrThrow(vector.asOf(), "as_of");
    Set<String> registered = new HashSet<>();
    for (String line : vector.citizenLines()) {
      registered.add(MAPPER.readTree(line).get("citizen_id").asText());
    }
    EventValidator validator =
        new EventValidator(config.maxFutureSkewMillis(), CitizenRegistry.of(registered));
    Set<String> seen = new HashSet<>();
    Map<String, List<Event>> byCitizen = new TreeMap<>();
    for (String line : vector.eventLines()) {
      EventVerdict verdict = validator.validate(line, ingestedAt);
      if (verdict instanceof EventVerdict.Accepted accepted
          && seen.add(accepted.event().eventId())) {
        byCitizen
            .computeIfAbsent(accepted.event().citizenId(), id -> new ArrayList<>())
            .add(accepted.event());
      }
    }
    CitizenReplay replay = new CitizenReplay(RuleSetParser.parse(vector.rulesJson()), config);
    Map<String, Score> scores = new TreeMap<>();
    byCitizen.forEach((citizen, events) -> scores.put(citizen, replay.replay(events, at).score()));
    return scores;
  }
}
