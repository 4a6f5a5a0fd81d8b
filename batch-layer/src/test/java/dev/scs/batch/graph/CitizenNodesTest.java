package dev.scs.batch.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.recompute.CitizenOutcome;
import dev.scs.batch.recompute.ValidatedRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Which citizens a run sets in the graph, and with what, at the edges of who has a tie. */
class CitizenNodesTest {
  private final SparkSession spark = TestSpark.session();

  @Test
  void everyCitizenWithAViewAMetricOrATieEventOnceAndZeroMetricsWithoutATie() {
    Dataset<CitizenOutcome> outcomes =
        spark.createDataset(
            List.of(outcome("c-1", "512.50"), outcome("c-2", "480.00"), outcome("c-3", "700.25")),
            Encoders.bean(CitizenOutcome.class));
    Dataset<ValidatedRecord> accepted =
        spark.createDataset(
            List.of(
                tie(1, "c-1", "c-2", "social.tie_added"),
                tie(2, "c-2", "c-1", "social.tie_added"),
                tie(3, "c-1", "x-8", "social.tie_added"),
                // x-9 has no event of its own and no tie left, but an earlier run gave it one
                tie(4, "c-3", "x-9", "social.tie_added"),
                tie(5, "c-3", "x-9", "social.tie_removed")),
            Encoders.bean(ValidatedRecord.class));
    Dataset<Row> metrics = GraphMetrics.compute(TieGraph.liveEdges(accepted), 5);
    Map<String, Double> pagerank =
        metrics.collectAsList().stream()
            .collect(
                Collectors.toMap(
                    row -> row.getString(row.fieldIndex("citizen_id")),
                    row -> row.getDouble(row.fieldIndex("pagerank"))));

    List<CitizenNodeValues> nodes = CitizenNodes.of(outcomes, metrics, accepted).collectAsList();

    assertThat(nodes)
        .extracting(
            CitizenNodeValues::getCitizenId,
            CitizenNodeValues::getBatchScore,
            CitizenNodeValues::getDegree,
            CitizenNodeValues::getPagerank)
        .containsExactlyInAnyOrder(
            tuple("c-1", 512.5, 2L, pagerank.get("c-1")),
            tuple("c-2", 480.0, 1L, pagerank.get("c-2")),
            tuple("c-3", 700.25, 0L, 0.0),
            tuple("x-8", null, 1L, pagerank.get("x-8")),
            tuple("x-9", null, 0L, 0.0));
    assertThat(pagerank.get("c-1")).isGreaterThan(pagerank.get("c-2"));
  }

  private static CitizenOutcome outcome(String citizenId, String score) {
    CitizenOutcome outcome = new CitizenOutcome();
    outcome.setCitizenId(citizenId);
    outcome.setScore(score);
    outcome.setLedger(List.of());
    outcome.setRuleState(List.of());
    return outcome;
  }

  private static ValidatedRecord tie(long at, String citizen, String other, String type) {
    ValidatedRecord record = new ValidatedRecord();
    record.setSequence(at);
    record.setIngestedAt(at);
    record.setEventId("e-" + at);
    record.setCitizenId(citizen);
    record.setOccurredAt(at);
    record.setValue(
        "{\"type\": \""
            + type
            + "\", \"payload\": {\"other_citizen_id\": \""
            + other
            + "\", \"relation\": \"friend\"}}");
    return record;
  }
}
