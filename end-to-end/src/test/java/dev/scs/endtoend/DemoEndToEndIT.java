package dev.scs.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import dev.scs.endtoend.EventAccounting.Coordinates;
import dev.scs.endtoend.EventAccounting.Result;
import dev.scs.endtoend.TopicContents.TopicRecord;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.cassandra.CassandraSessions;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.dgraph.GraphTie;
import dev.scs.stores.dgraph.SocialGraph;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test of issue 8: a small {@code ./scs demo} on the local stack (backfill, batch
 * run, live simulation with faults through the speed layer, second batch run, serving layer), then
 * two checks from the outside. Served scores, read through the REST API only, equal {@code ./scs
 * replay} over the same events at the same instant; and every record produced to the event topic is
 * accounted for, in the archive or among the dead letters with a reason.
 *
 * <p>The demo works on the stack's default keyspace and database (it resets them), as a user's demo
 * does; the other ITs use isolated ones.
 */
@RequiresLocalStack({
  Service.KAFKA,
  Service.CASSANDRA,
  Service.MONGODB,
  Service.INFLUXDB,
  Service.DGRAPH
})
class DemoEndToEndIT {
  private static final String API = "http://127.0.0.1:8090";
  private static final int SAMPLE = 60;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ProjectCommand scs;
  private static Path work;
  private static final StoreSettings STORES = StoreSettings.defaults();

  @BeforeAll
  static void runASmallDemo() throws Exception {
    Path root = ProjectCommand.checkoutRoot();
    work = root.resolve("end-to-end/target/end-to-end");
    scs = new ProjectCommand(root, work);
    scs.run(
        "demo",
        30,
        "demo",
        "--citizens",
        "300",
        "--backfill-events",
        "6000",
        "--rate",
        "100",
        "--minutes",
        "1",
        "--no-build",
        "--detach");
  }

  @AfterAll
  static void stopTheDemosJobs() throws Exception {
    if (scs != null) {
      scs.run("demo-stop", 2, "demo", "--stop");
    }
  }

  @Test
  void everyProducedEventIsInTheArchiveOrAmongTheDeadLettersWithAReason() {
    String kafka = STORES.kafkaBootstrapServers();
    List<Coordinates> produced =
        TopicContents.read(kafka, "citizen-events").stream()
            .map(record -> new Coordinates(record.partition(), record.offset()))
            .toList();
    Map<Coordinates, String> deadLetters = new HashMap<>();
    for (TopicRecord letter : TopicContents.read(kafka, "citizen-events-dlq")) {
      deadLetters.put(
          new Coordinates(
              Integer.parseInt(letter.headers().get("scs.source.partition")),
              Long.parseLong(letter.headers().get("scs.source.offset"))),
          letter.headers().getOrDefault("scs.reason", ""));
    }
    Set<Coordinates> archived = new HashSet<>();
    Set<String> archivedEventIds = new HashSet<>();
    Set<String> ledgerEventIds = new HashSet<>();
    String keyspace = STORES.cassandraKeyspace();
    try (CqlSession session = CassandraSessions.open(STORES)) {
      for (Row row :
          session.execute(
              "SELECT event_id, kafka_partition, kafka_offset FROM "
                  + keyspace
                  + ".events_archive")) {
        archived.add(new Coordinates(row.getInt("kafka_partition"), row.getLong("kafka_offset")));
        archivedEventIds.add(row.getString("event_id"));
      }
      for (Row row : session.execute("SELECT event_id FROM " + keyspace + ".ledger")) {
        ledgerEventIds.add(row.getString("event_id"));
      }
    }

    Result result = EventAccounting.account(produced, archived, deadLetters);

    assertThat(produced).hasSizeGreaterThan(6000);
    assertThat(result.unaccounted()).as("records in neither the archive nor the DLQ").isEmpty();
    assertThat(result.inBoth()).as("records both archived and rejected").isEmpty();
    assertThat(result.unknownArchived()).as("archive rows no produced record explains").isEmpty();
    assertThat(result.accepted()).isEqualTo(archived.size());
    // The demo injects every kind of fault; each must have reached the DLQ under its reason.
    assertThat(result.rejectedByReason())
        .containsKeys("duplicate", "malformed_json", "schema_violation", "unknown_citizen");
    assertThat(archivedEventIds).containsAll(ledgerEventIds);
    assertThat(ledgerEventIds).isNotEmpty();
  }

  @Test
  void servedScoresEqualAReplayOfTheSameEventsAtTheSameInstant() throws Exception {
    Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Path events = work.resolve("events.jsonl");
    Path citizens = work.resolve("citizens.jsonl");
    Path scores = work.resolve("replay-scores.jsonl");
    writeEvents(events);
    writeCitizens(citizens);
    scs.run(
        "replay",
        15,
        "replay",
        "--events",
        events.toString(),
        "--rules",
        "schemas/rules/default-rules.json",
        "--config",
        "schemas/rules/default-config.json",
        "--citizens",
        citizens.toString(),
        "--as-of",
        asOf.toString(),
        "--out",
        scores.toString());
    List<JsonNode> expected = new ArrayList<>();
    for (String line : Files.readAllLines(scores, StandardCharsets.UTF_8)) {
      expected.add(JSON.readTree(line));
    }
    assertThat(expected).hasSizeGreaterThan(SAMPLE);

    HttpClient http = HttpClient.newHttpClient();
    int step = expected.size() / SAMPLE;
    for (int index = 0; index < expected.size(); index += step) {
      JsonNode want = expected.get(index);
      String citizen = want.get("citizen_id").asText();
      JsonNode served = get(http, scoreUri(citizen, asOf));
      assertThat(served.get("raw").asDouble())
          .as("raw score of %s at %s", citizen, asOf)
          .isCloseTo(want.get("raw").asDouble(), within(1e-6));
      assertThat(served.get("score").asDouble())
          .as("score of %s", citizen)
          .isCloseTo(want.get("score").asDouble(), within(0.005));
      assertThat(served.get("tier").asText()).as("tier of %s", citizen).isEqualTo(tier(want));
    }
  }

  /**
   * The network endpoint serves the live graph in Dgraph (seeded, then kept by the speed layer):
   * for the citizen with the most ties, exactly its ties there, between registered citizens.
   */
  @Test
  void theServedNetworkIsTheLiveGraphInDgraph() throws Exception {
    Set<String> registered = new HashSet<>();
    try (MongoClient client = MongoConnections.open(STORES)) {
      for (Document citizen :
          MongoConnections.database(client, STORES).getCollection("citizens").find()) {
        registered.add(citizen.getString("_id"));
      }
    }
    List<GraphTie> ties;
    try (DgraphConnection dgraph = DgraphConnection.open(STORES)) {
      ties = new SocialGraph(dgraph.client()).tiesOf(registered);
    }
    assertThat(ties).as("ties in Dgraph among the demo's citizens").isNotEmpty();
    Map<String, Set<String>> tiesByCitizen = new HashMap<>();
    for (GraphTie tie : ties) {
      assertThat(registered).contains(tie.citizenA(), tie.citizenB());
      String key = tie.citizenA() + " " + tie.citizenB() + " " + tie.relation();
      tiesByCitizen.computeIfAbsent(tie.citizenA(), id -> new HashSet<>()).add(key);
      tiesByCitizen.computeIfAbsent(tie.citizenB(), id -> new HashSet<>()).add(key);
    }
    String hub =
        tiesByCitizen.entrySet().stream()
            .max(Map.Entry.comparingByValue((one, other) -> one.size() - other.size()))
            .orElseThrow()
            .getKey();

    JsonNode network =
        get(
            HttpClient.newHttpClient(),
            URI.create(
                API
                    + "/api/v1/citizens/"
                    + URLEncoder.encode(hub, StandardCharsets.UTF_8)
                    + "/network?depth=1"));

    assertThat(network.get("source").asText()).isEqualTo("dgraph");
    Set<String> served = new HashSet<>();
    for (JsonNode tie : network.get("ties")) {
      served.add(
          tie.get("citizen_a").asText()
              + " "
              + tie.get("citizen_b").asText()
              + " "
              + tie.get("relation").asText());
    }
    assertThat(served).isEqualTo(tiesByCitizen.get(hub));
  }

  /** Every record of the event topic, as the speed layer read it, one per line. */
  private static void writeEvents(Path events) throws IOException {
    List<String> lines = new ArrayList<>();
    for (TopicRecord record :
        TopicContents.read(STORES.kafkaBootstrapServers(), "citizen-events")) {
      // A value with a line break (a malformed record) cannot be a JSON Lines line; such a
      // record was rejected by the speed layer as it will be by replay, so leaving it out
      // changes no score.
      if (record.value() != null && !record.value().contains("\n")) {
        lines.add(record.value());
      }
    }
    Files.write(events, lines, StandardCharsets.UTF_8);
  }

  private static void writeCitizens(Path citizens) throws IOException {
    List<String> lines = new ArrayList<>();
    try (MongoClient client = MongoConnections.open(STORES)) {
      for (Document citizen :
          MongoConnections.database(client, STORES).getCollection("citizens").find()) {
        lines.add(JSON.createObjectNode().put("citizen_id", citizen.getString("_id")).toString());
      }
    }
    Files.write(citizens, lines, StandardCharsets.UTF_8);
  }

  private static URI scoreUri(String citizen, Instant asOf) {
    return URI.create(
        API
            + "/api/v1/citizens/"
            + URLEncoder.encode(citizen, StandardCharsets.UTF_8)
            + "/score?as_of="
            + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8));
  }

  private static JsonNode get(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String tier(JsonNode score) {
    JsonNode tier = score.get("tier");
    return tier == null || tier.isNull() ? "null" : tier.asText();
  }
}
