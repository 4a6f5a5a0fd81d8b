package dev.scs.batch.graph;

import static dev.scs.batch.fixtures.RecomputeRows.accepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.recompute.ValidatedRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GraphMetricsTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  private static ValidatedRecord tie(
      String eventId, String type, String from, String to, String relation, String at) {
    return accepted(
        eventId,
        from,
        type,
        at,
        "{\"other_citizen_id\":\"" + to + "\",\"relation\":\"" + relation + "\"}");
  }

  @Test
  void theLastTieEventOfAPairAndRelationDecidesWhetherTheyAreTied() {
    Dataset<ValidatedRecord> events =
        spark.createDataset(
            List.of(
                tie("e1", "social.tie_added", "a", "b", "friend", "2026-01-01T00:00:00Z"),
                tie("e2", "social.tie_removed", "b", "a", "friend", "2026-01-02T00:00:00Z"),
                tie("e3", "social.tie_added", "a", "c", "friend", "2026-01-01T00:00:00Z"),
                tie("e4", "social.tie_added", "c", "a", "family", "2026-01-02T00:00:00Z"),
                tie("e5", "social.tie_removed", "a", "c", "friend", "2026-01-03T00:00:00Z"),
                tie("e6", "social.tie_added", "d", "d", "friend", "2026-01-01T00:00:00Z"),
                accepted("e7", "a", "tax.filed", "2026-01-04T00:00:00Z", "{\"on_time\":true}")),
            Encoders.bean(ValidatedRecord.class));

    List<String> edges =
        TieGraph.liveEdges(events).collectAsList().stream().map(Row::toString).toList();

    assertThat(edges).containsExactly("[a,c]");
  }

  @Test
  void theTiesAtTheWatermarkAreListedOncePerPairAndRelationWithTheSmallerCitizenFirst() {
    Dataset<ValidatedRecord> events =
        spark.createDataset(
            List.of(
                tie("e1", "social.tie_added", "b", "a", "friend", "2026-01-01T00:00:00Z"),
                tie("e2", "social.tie_added", "a", "b", "friend", "2026-01-02T00:00:00Z"),
                tie("e3", "social.tie_added", "a", "b", "family", "2026-01-01T00:00:00Z"),
                tie("e4", "social.tie_added", "c", "a", "colleague", "2026-01-01T00:00:00Z"),
                tie("e5", "social.tie_removed", "a", "c", "colleague", "2026-01-02T00:00:00Z"),
                tie("e6", "social.tie_added", "c", "a", "colleague", "2026-01-03T00:00:00Z"),
                tie("e7", "social.tie_added", "d", "c", "neighbor", "2026-01-01T00:00:00Z"),
                tie("e8", "social.tie_removed", "c", "d", "neighbor", "2026-01-01T00:00:00Z"),
                tie("e9", "social.tie_added", "e", "e", "friend", "2026-01-01T00:00:00Z")),
            Encoders.bean(ValidatedRecord.class));

    Dataset<Row> ties = TieGraph.liveTies(events);
    List<String> rows =
        ties.orderBy("citizen_a", "citizen_b", "relation").collectAsList().stream()
            .map(Row::toString)
            .toList();

    assertThat(ties.columns()).containsExactly("citizen_a", "citizen_b", "relation");
    // c-d: added and removed at the same instant, e8 > e7 by code point, so removed last.
    assertThat(rows).containsExactly("[a,b,family]", "[a,b,friend]", "[a,c,colleague]");
    assertThat(TieGraph.edgesOf(ties).orderBy("a", "b").collectAsList().stream().map(Row::toString))
        .containsExactly("[a,b]", "[a,c]");
  }

  @Test
  void onAStarTheCentreAndTheLeavesGetTheClosedFormPageRank() {
    Dataset<Row> star =
        spark.createDataFrame(
            List.of(
                RowFactory.create("centre", "leaf-1"),
                RowFactory.create("centre", "leaf-2"),
                RowFactory.create("centre", "leaf-3")),
            StructType.fromDDL("a STRING, b STRING"));

    Map<String, Row> metrics = new HashMap<>();
    for (Row row : GraphMetrics.compute(star, 40).collectAsList()) {
      metrics.put(row.getAs("citizen_id"), row);
    }

    // centre C and leaf L solve C = 0.15/4 + 0.85 * 3L and L = 0.15/4 + 0.85 * C/3.
    double centre = 0.0375 * 3.55 / (1 - 0.7225);
    double leaf = 0.0375 + 0.85 * centre / 3;
    assertThat(metrics).containsOnlyKeys("centre", "leaf-1", "leaf-2", "leaf-3");
    assertThat(metrics.get("centre").<Long>getAs("degree")).isEqualTo(3);
    assertThat(metrics.get("leaf-2").<Long>getAs("degree")).isEqualTo(1);
    assertThat(metrics.get("centre").<Double>getAs("pagerank")).isCloseTo(centre, within(1e-3));
    assertThat(metrics.get("leaf-1").<Double>getAs("pagerank")).isCloseTo(leaf, within(1e-3));
    assertThat(metrics.values().stream().mapToDouble(row -> row.<Double>getAs("pagerank")).sum())
        .isCloseTo(1.0, within(1e-9));
  }
}
