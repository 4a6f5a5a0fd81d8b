package dev.scs.batch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.batch.fixtures.InMemoryBatchStores;
import dev.scs.batch.fixtures.InMemoryCitizenDirectory;
import dev.scs.batch.fixtures.InMemoryCitizenGraph;
import dev.scs.batch.fixtures.ServedFromTables;
import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.fixtures.VectorArchive;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.view.ServedScore;
import dev.scs.scoring.view.Score;
import dev.scs.testing.ScoringVectors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local[2] tier of the whole run: an archive holding a public vector (late events and an
 * archived duplicate included) and the speed side after W, through a batch run into in-memory
 * tables; the served scores then equal the vector's expected scores.
 */
class BatchRunOfPublicVectorsTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  static Stream<String> cases() {
    return ScoringVectors.caseNames().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void servedScoresAfterTheRunEqualTheVectorsScores(String name, @TempDir Path lake)
      throws Exception {
    VectorArchive archive = VectorArchive.of(name);
    ScoringInputs inputs =
        ScoringInputs.parse(archive.vector().rulesJson(), archive.vector().configJson());
    InMemoryBatchStores stores =
        new InMemoryBatchStores(spark, archive.archive(), archive.speedLedger());
    InMemoryCitizenDirectory citizens = new InMemoryCitizenDirectory(spark, archive.regions());
    Clock clock = Clock.fixed(Instant.ofEpochMilli(archive.asOf()), ZoneOffset.UTC);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    BatchRunReport report =
        new BatchRun(
                inputs,
                stores,
                citizens,
                new InMemoryCitizenGraph(),
                new Lake(spark, lake.toString()),
                new BatchRunSettings(730L * 86_400_000L, 5, 50, 10, true, null),
                clock,
                new RunProgress(new PrintStream(printed, true, StandardCharsets.UTF_8), "batch"))
            .run(archive.watermark());

    assertThat(archive.lateEvents()).isPositive();
    assertThat(archive.archivedDuplicates()).isPositive();
    assertThat(archive.speedEvents()).isPositive();
    assertThat(report.quality().passed()).isTrue();
    assertThat(report.summary().rejectsByReason())
        .containsOnlyKeys("duplicate")
        .containsEntry("duplicate", (long) archive.archivedDuplicates());
    assertThat(stores.publishedRun())
        .hasValueSatisfying(run -> assertThat(run.runId()).isEqualTo(report.runId()));

    Map<String, Score> served =
        ServedFromTables.at(
            archive.asOf(),
            archive.watermark().epochMillis(),
            stores.rows("batch_view"),
            stores.rows("speed_view"),
            stores.rows("batch_ledger"),
            stores.speedLedger().collectAsList(),
            inputs.config());
    Map<String, JsonNode> expected = archive.expectedScores();
    assertThat(served).containsOnlyKeys(expected.keySet());
    expected.forEach(
        (citizen, want) -> {
          Score got = served.get(citizen);
          assertThat(got.raw()).as(citizen).isCloseTo(want.get("raw").doubleValue(), within(1e-6));
          assertThat(got.score())
              .as(citizen)
              .isCloseTo(want.get("score").decimalValue(), within(new BigDecimal("0.01")));
          assertThat(got.tier()).as(citizen).isEqualTo(want.get("tier").textValue());
          assertThat(got.firings()).as(citizen).isEqualTo(want.get("firings").longValue());
        });

    Map<String, ServedScore> reconciled = citizens.scores();
    expected.forEach(
        (citizen, want) -> {
          assertThat(reconciled.get(citizen).getRaw())
              .as(citizen)
              .isCloseTo(want.get("raw").doubleValue(), within(1e-6));
          assertThat(reconciled.get(citizen).getTier())
              .as(citizen)
              .isEqualTo(want.get("tier").textValue());
        });
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("published run " + report.runId());
    assertTheLakesTiesAgreeWithItsGraphMetrics(new Lake(spark, lake.toString()), report.runId());
  }

  /** graph_ties lists each tie once, smaller citizen first; graph's degrees count its pairs. */
  private static void assertTheLakesTiesAgreeWithItsGraphMetrics(Lake lake, String runId) {
    Dataset<Row> ties = lake.readRunTable(Lake.GRAPH_TIES, runId);
    assertThat(ties.columns()).containsExactlyInAnyOrder("citizen_a", "citizen_b", "relation");
    assertThat(ties.count()).isPositive();
    assertThat(ties.filter("not (citizen_a < citizen_b)").count()).isZero();
    assertThat(ties.distinct().count()).isEqualTo(ties.count());
    Map<String, Long> degreeFromTies = new TreeMap<>();
    for (Row pair :
        ties.selectExpr("citizen_a as a", "citizen_b as b")
            .distinct()
            .selectExpr("explode(array(a, b)) as citizen_id")
            .groupBy("citizen_id")
            .count()
            .collectAsList()) {
      degreeFromTies.put(pair.getString(0), pair.getLong(1));
    }
    Map<String, Long> degree = new TreeMap<>();
    for (Row metrics : lake.readRunTable(Lake.GRAPH_METRICS, runId).collectAsList()) {
      degree.put(metrics.getAs("citizen_id"), metrics.<Long>getAs("degree"));
    }
    assertThat(degree).isEqualTo(degreeFromTies);
  }
}
