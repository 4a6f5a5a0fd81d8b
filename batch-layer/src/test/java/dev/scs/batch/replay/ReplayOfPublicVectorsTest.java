package dev.scs.batch.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.batch.recompute.CanonicalRecompute;
import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.spark.LocalSpark;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.time.Instants;
import dev.scs.testing.ScoringVectors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local[2] tier: the Spark recompute behind {@code ./scs replay} reproduces every public vector
 * in full, scores, ledger and rejects, from files to files.
 */
class ReplayOfPublicVectorsTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.session("replay-vectors", "local[2]", 2);
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  static Stream<String> cases() {
    return ScoringVectors.caseNames().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void replayReproducesTheVector(String name, @TempDir Path folder) throws Exception {
    ScoringVectors.Case vector = ScoringVectors.load(name);
    Path events = folder.resolve("events.jsonl");
    Files.write(events, vector.eventLines(), StandardCharsets.UTF_8);
    long asOf = Instants.parseOrThrow(vector.asOf(), "as_of");
    Set<String> citizens = new HashSet<>();
    for (String line : vector.citizenLines()) {
      citizens.add(Json.mapper().readTree(line).get("citizen_id").textValue());
    }
    ScoringInputs inputs = ScoringInputs.parse(vector.rulesJson(), vector.configJson());

    try (RecomputeResult result =
        new CanonicalRecompute(inputs, citizens, asOf)
            .run(JsonLinesEventSource.read(spark, events.toString(), asOf))) {
      ReplayFiles.writeScoresAndLedger(
          result, folder.resolve("scores.jsonl"), folder.resolve("ledger.jsonl"));
      ReplayFiles.writeRejects(result, folder.resolve("rejects.jsonl"));
      ReplayFiles.writeParquet(result, folder.resolve("lake"), asOf);

      RecomputeResult.Summary summary = result.summarize();
      assertThat(summary.records()).isEqualTo(vector.eventLines().size());
      assertThat(summary.citizens()).isEqualTo(vector.expectedScoreLines().size());
      assertThat(summary.firings()).isEqualTo(vector.expectedLedgerLines().size());
      assertThat(summary.rejectsByReason().values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(vector.expectedRejectLines().size());
      assertThat(
              summary.accepted()
                  + summary.rejectsByReason().values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(summary.records());
    }

    assertScoresAgree(
        Files.readAllLines(folder.resolve("scores.jsonl")), vector.expectedScoreLines());
    assertThat(ledger(Files.readAllLines(folder.resolve("ledger.jsonl"))))
        .isEqualTo(ledger(vector.expectedLedgerLines()));
    assertThat(withoutDetail(Files.readAllLines(folder.resolve("rejects.jsonl"))))
        .isEqualTo(withoutDetail(vector.expectedRejectLines()));
  }

  private static void assertScoresAgree(List<String> actual, List<String> expected)
      throws Exception {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      JsonNode got = Json.mapper().readTree(actual.get(i));
      JsonNode want = Json.mapper().readTree(expected.get(i));
      String citizen = want.get("citizen_id").textValue();
      assertThat(got.get("citizen_id").textValue()).isEqualTo(citizen);
      assertThat(got.get("raw").doubleValue())
          .as(citizen)
          .isCloseTo(want.get("raw").doubleValue(), within(1e-6));
      assertThat(got.get("score").decimalValue())
          .as(citizen)
          .isCloseTo(want.get("score").decimalValue(), within(new BigDecimal("0.01")));
      assertThat(got.get("tier")).as(citizen).isEqualTo(want.get("tier"));
      assertThat(got.get("firings")).as(citizen).isEqualTo(want.get("firings"));
    }
  }

  private static List<Map<String, Object>> ledger(List<String> lines) throws Exception {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (String line : lines) {
      ObjectNode entry = (ObjectNode) Json.mapper().readTree(line);
      entry.put(
          "delta", new BigDecimal(entry.get("delta").textValue()).setScale(2).toPlainString());
      entries.add(Json.mapper().convertValue(entry, Map.class));
    }
    return entries;
  }

  private static List<JsonNode> withoutDetail(List<String> lines) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : lines) {
      ObjectNode node = (ObjectNode) Json.mapper().readTree(line);
      node.remove("detail");
      nodes.add(node);
    }
    return nodes;
  }
}
