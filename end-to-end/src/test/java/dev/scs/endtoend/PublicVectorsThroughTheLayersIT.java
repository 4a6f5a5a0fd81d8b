package dev.scs.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scs.endtoend.TopicContents.TopicRecord;
import dev.scs.stores.StoreSettings;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.ScoringVectors;
import dev.scs.testing.Service;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public vectors through every layer, as a user runs them (issues 5, 6 and 7): in a world of
 * its own, the vector's citizens, rules and config are seeded; the first half of its events is
 * produced to the event topic as recorded (out of order, faults and a late duplicate included) and
 * streamed by the speed layer; a batch run takes over at a watermark while the speed layer keeps
 * running; the second half is streamed; a second batch run recomputes everything canonically. Then,
 * through the REST API only, every citizen's served score at the vector's as-of instant equals the
 * contract's expected score, and 45 days later equals {@code ./scs replay} of the same events at
 * that instant; and the dead-letter topic holds exactly the vector's rejects, with their reasons.
 *
 * <p>Scores are compared after the second batch run, not while the speed layer holds the second
 * half: the vectors' events arrive far out of order, and the speed layer applies cooldowns and caps
 * in arrival order, which the contract allows to differ from the canonical replay (section 7) until
 * the next batch run.
 */
@RequiresLocalStack({Service.KAFKA, Service.CASSANDRA, Service.MONGODB, Service.INFLUXDB})
class PublicVectorsThroughTheLayersIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LATER = Duration.ofDays(45);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"public-1", "public-2"})
  void servedScoresEqualTheContractAfterTheEventsStreamThroughEveryLayer(String vectorName)
      throws Exception {
    ScoringVectors.Case vector = ScoringVectors.load(vectorName);
    Path root = ProjectCommand.checkoutRoot();
    IsolatedWorld world =
        new IsolatedWorld("e2e " + vectorName, root.resolve("end-to-end/target/end-to-end"));
    ProjectCommand scs = new ProjectCommand(root, world.folder(), world.javaOptions());
    VectorFiles files = VectorFiles.write(vector, world.folder());
    Process speed = null;
    Process serving = null;
    try {
      // One synthetic citizen comes with every seed; its id is unlike the vector's.
      scs.run(
          "seed",
          5,
          "seed",
          "--citizens",
          "1",
          "--rules",
          files.rules().toString(),
          "--config",
          files.config().toString());
      scs.run("citizens", 5, "citizens", "import", files.citizens().toString());

      scs.run("produce-first-half", 5, "produce", "--file", files.firstHalf().toString());
      speed = scs.start("speed", "speed");
      SpeedLayerProgress progress = new SpeedLayerProgress(world.speedMetricsUrl(), speed);
      progress.awaitRecordsRead(files.firstHalfRecords(), Duration.ofMinutes(10), scs);
      // The speed layer keeps running: the run waits until it has committed through the
      // watermark, and the speed layer rebases on the run it publishes (the hand-over).
      scs.run("batch-run-1", 15, "batch", "run");
      scs.run("produce-second-half", 5, "produce", "--file", files.secondHalf().toString());
      progress.awaitRecordsRead(vector.eventLines().size(), Duration.ofMinutes(10), scs);
      scs.run("batch-run-2", 15, "batch", "run");

      serving = scs.start("serve", "serve");
      HttpClient http = HttpClient.newHttpClient();
      awaitAnswer(http, world.api() + "/health", serving, scs);

      Instant asOf = Instant.parse(vector.asOf());
      for (String line : vector.expectedScoreLines()) {
        assertServed(http, world.api(), JSON.readTree(line), asOf);
      }
      Instant later = asOf.plus(LATER);
      Path replayed = world.folder().resolve("replay-later.jsonl");
      scs.run(
          "replay-later",
          10,
          "replay",
          "--events",
          files.events().toString(),
          "--rules",
          files.rules().toString(),
          "--config",
          files.config().toString(),
          "--citizens",
          files.citizens().toString(),
          "--as-of",
          later.toString(),
          "--out",
          replayed.toString());
      List<String> replayLines = Files.readAllLines(replayed, StandardCharsets.UTF_8);
      assertThat(replayLines).hasSameSizeAs(vector.expectedScoreLines());
      for (String line : replayLines) {
        assertServed(http, world.api(), JSON.readTree(line), later);
      }

      assertThat(deadLetters(world)).isEqualTo(expectedDeadLetters(vector));
    } finally {
      ProjectCommand.stop(serving);
      ProjectCommand.stop(speed);
      scs.run("reset", 5, "reset", "--yes");
    }
  }

  private static void assertServed(HttpClient http, String api, JsonNode want, Instant asOf)
      throws Exception {
    String citizen = want.get("citizen_id").asText();
    URI uri =
        URI.create(
            api
                + "/api/v1/citizens/"
                + URLEncoder.encode(citizen, StandardCharsets.UTF_8)
                + "/score?as_of="
                + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
    JsonNode served = JSON.readTree(response.body());
    String what = citizen + " at " + asOf;
    assertThat(served.get("raw").asDouble())
        .as("raw of %s", what)
        .isCloseTo(want.get("raw").asDouble(), within(1e-6));
    assertThat(served.get("score").asDouble())
        .as("score of %s", what)
        .isCloseTo(want.get("score").asDouble(), within(0.01));
    assertThat(text(served.get("tier"))).as("tier of %s", what).isEqualTo(text(want.get("tier")));
    assertThat(served.get("firings").asLong())
        .as("firings of %s", what)
        .isEqualTo(want.get("firings").asLong());
  }

  /**
   * The vector's rejects as (original line, reason), except {@code future_event}: the contract
   * judges it against the ingestion time, which the replay takes to be the as-of instant but the
   * stream takes from the clock, half a year later, when that event is no longer in the future.
   */
  private static Map<String, String> expectedDeadLetters(ScoringVectors.Case vector)
      throws IOException {
    Map<String, String> expected = new HashMap<>();
    for (String line : vector.expectedRejectLines()) {
      JsonNode reject = JSON.readTree(line);
      String reason = reject.get("reason").asText();
      if (!reason.equals("future_event")) {
        expected.put(vector.eventLines().get(reject.get("line").asInt() - 1), reason);
      }
    }
    return expected;
  }

  /** Each dead letter's original bytes (as text) and its reason header. */
  private static Map<String, String> deadLetters(IsolatedWorld world) {
    Map<String, String> letters = new HashMap<>();
    for (TopicRecord letter :
        TopicContents.read(
            StoreSettings.defaults().kafkaBootstrapServers(), world.deadLetterTopic())) {
      letters.put(letter.value(), letter.headers().get("scs.reason"));
    }
    return letters;
  }

  private static void awaitAnswer(HttpClient http, String url, Process job, ProjectCommand scs)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      try {
        http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (ConnectException notYet) {
        if (!job.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("no answer at " + url + "\n" + scs.logTail("serve"));
        }
        Thread.sleep(500);
      }
    }
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? "null" : value.asText();
  }

  /** The vector's inputs as files, and its events split in two halves, in file order. */
  record VectorFiles(
      Path events,
      Path rules,
      Path config,
      Path citizens,
      Path firstHalf,
      Path secondHalf,
      int firstHalfRecords) {
    static VectorFiles write(ScoringVectors.Case vector, Path folder) throws IOException {
      Files.createDirectories(folder);
      List<String> events = vector.eventLines();
      int half = events.size() / 2;
      VectorFiles files =
          new VectorFiles(
              folder.resolve("events.jsonl"),
              folder.resolve("rules.json"),
              folder.resolve("config.json"),
              folder.resolve("citizens.jsonl"),
              folder.resolve("events-first-half.jsonl"),
              folder.resolve("events-second-half.jsonl"),
              half);
      Files.write(files.events(), events, StandardCharsets.UTF_8);
      Files.writeString(files.rules(), vector.rulesJson(), StandardCharsets.UTF_8);
      Files.writeString(files.config(), vector.configJson(), StandardCharsets.UTF_8);
      Files.write(files.citizens(), vector.citizenLines(), StandardCharsets.UTF_8);
      Files.write(files.firstHalf(), new ArrayList<>(events.subList(0, half)));
      Files.write(files.secondHalf(), new ArrayList<>(events.subList(half, events.size())));
      return files;
    }
  }
}
