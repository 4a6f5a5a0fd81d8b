package dev.scs.batch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scs.batch.fixtures.FailingCitizenGraph;
import dev.scs.batch.fixtures.InMemoryBatchStores;
import dev.scs.batch.fixtures.InMemoryCitizenDirectory;
import dev.scs.batch.fixtures.InMemoryCitizenGraph;
import dev.scs.batch.fixtures.ServedFromTables;
import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.fixtures.VectorArchive;
import dev.scs.batch.graph.CitizenNodeValues;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.store.CitizenGraph;
import dev.scs.batch.store.RunRecord;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.view.Score;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a published run hands the social graph (Dgraph in production, a fake here), for public
 * vector 1 archived whole: every citizen once, the lake's degree and PageRank, the batch view's
 * score at W; and what happens to the run when the graph store fails.
 */
class BatchRunGraphTest {
  private static final long TWO_YEARS = 730L * 86_400_000L;

  private static SparkSession spark;
  private static VectorArchive archive;
  private static ScoringInputs inputs;

  @BeforeAll
  static void startSpark() throws Exception {
    spark = TestSpark.session();
    archive = VectorArchive.of("public-1");
    inputs = ScoringInputs.parse(archive.vector().rulesJson(), archive.vector().configJson());
  }

  private static BatchRun run(
      InMemoryBatchStores stores, CitizenGraph graph, Path lake, boolean reconcile) {
    return new BatchRun(
        inputs,
        stores,
        new InMemoryCitizenDirectory(spark, archive.regions()),
        graph,
        new Lake(spark, lake.toString()),
        new BatchRunSettings(TWO_YEARS, 5, 50, 10, reconcile, null),
        Clock.fixed(Instant.ofEpochMilli(archive.asOf()), ZoneOffset.UTC),
        new RunProgress(new PrintStream(OutputStream.nullOutputStream()), "batch"));
  }

  private static InMemoryBatchStores stores() {
    return new InMemoryBatchStores(spark, archive.archive(), archive.speedLedger());
  }

  @Test
  void everyCitizenReachesTheGraphOnceWithTheLakesMetricsAndTheViewsScoreAtW(@TempDir Path lake) {
    InMemoryBatchStores stores = stores();
    InMemoryCitizenGraph graph = new InMemoryCitizenGraph();

    BatchRunReport report = run(stores, graph, lake, true).run(archive.watermark());

    List<CitizenNodeValues> received = graph.received();
    Map<String, CitizenNodeValues> byCitizen = new HashMap<>();
    received.forEach(row -> byCitizen.put(row.getCitizenId(), row));
    assertThat(byCitizen).as("each citizen once").hasSameSizeAs(received);

    Map<String, Row> metrics = new HashMap<>();
    new Lake(spark, lake.toString())
        .readRunTable(Lake.GRAPH_METRICS, report.runId())
        .collectAsList()
        .forEach(row -> metrics.put(row.getAs("citizen_id"), row));
    long w = archive.watermark().epochMillis();
    Map<String, Score> viewScores =
        ServedFromTables.at(
            w,
            w,
            stores.rows("batch_view"),
            List.of(),
            stores.rows("batch_ledger"),
            List.of(),
            inputs.config());
    Set<String> tied = new HashSet<>();
    for (Event event : archive.batchSideEvents()) {
      if (event.otherCitizenId() != null && !event.otherCitizenId().equals(event.citizenId())) {
        tied.add(event.citizenId());
        tied.add(event.otherCitizenId());
      }
    }
    Set<String> expected = new HashSet<>(viewScores.keySet());
    expected.addAll(metrics.keySet());
    expected.addAll(tied);
    assertThat(byCitizen.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(report.graphNodes()).hasValue(received.size());
    assertThat(report.render())
        .contains("dgraph: batch score, degree and PageRank of " + received.size() + " citizens");

    byCitizen.forEach(
        (citizen, node) -> {
          Row lakeRow = metrics.get(citizen);
          long degree = lakeRow == null ? 0L : lakeRow.getLong(lakeRow.fieldIndex("degree"));
          double pagerank =
              lakeRow == null ? 0.0 : lakeRow.getDouble(lakeRow.fieldIndex("pagerank"));
          assertThat(node.getDegree()).as(citizen + " degree").isEqualTo(degree);
          assertThat(node.getPagerank()).as(citizen + " pagerank").isEqualTo(pagerank);
          Score atW = viewScores.get(citizen);
          assertThat(node.getBatchScore())
              .as(citizen + " batch_score")
              .isEqualTo(atW == null ? null : atW.score().doubleValue());
        });
    // The vector has both kinds: citizens with ties and without (CitizenNodesTest has the rest).
    assertThat(byCitizen.keySet()).anySatisfy(c -> assertThat(metrics).containsKey(c));
    assertThat(byCitizen.values()).anySatisfy(node -> assertThat(node.getDegree()).isZero());
  }

  @Test
  void aSecondRunForTheSameWatermarkLeavesTheSameValuesOnEveryNode(@TempDir Path lake) {
    InMemoryBatchStores stores = stores();
    InMemoryCitizenGraph graph = new InMemoryCitizenGraph();
    run(stores, graph, lake, true).run(archive.watermark());
    Map<String, Map<String, Object>> afterFirst = graph.nodes();
    int firstWrites = graph.received().size();

    run(stores, graph, lake, true).run(archive.watermark());

    assertThat(graph.nodes()).isEqualTo(afterFirst);
    assertThat(graph.received()).hasSize(2 * firstWrites);
  }

  @Test
  void aGraphStoreThatFailsLeavesTheRunPublishedWithItsRecordSayingPublished(@TempDir Path lake) {
    InMemoryBatchStores stores = stores();
    Watermark w = archive.watermark();

    assertThatThrownBy(() -> run(stores, new FailingCitizenGraph(), lake, true).run(w))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("run " + w.runId() + " is published, but writing batch scores")
        .hasMessageContaining("(UNAVAILABLE: io exception)")
        .hasMessageContaining("status stays published: run again with --watermark " + w)
        .hasMessageNotContaining("\n");

    assertThat(stores.publishedRun())
        .hasValueSatisfying(p -> assertThat(p.runId()).isEqualTo(w.runId()));
    assertThat(stores.runs().get(w.runId()).status()).isEqualTo(RunRecord.PUBLISHED);
    assertThat(stores.writes()).last().isEqualTo("batch_runs published");

    InMemoryCitizenGraph graph = new InMemoryCitizenGraph();
    run(stores, graph, lake, true).run(w);

    assertThat(stores.runs().get(w.runId()).status()).isEqualTo(RunRecord.RECONCILED);
    assertThat(graph.received()).isNotEmpty();
  }

  @Test
  void aRunThatReconcilesNothingLeavesTheGraphAlone(@TempDir Path lake) {
    InMemoryCitizenGraph graph = new InMemoryCitizenGraph();

    BatchRunReport report = run(stores(), graph, lake, false).run(archive.watermark());

    assertThat(graph.received()).isEmpty();
    assertThat(report.graphNodes()).isEmpty();
    assertThat(report.render()).contains("dgraph: not written (batch.reconcile-citizens=false)");
  }
}
