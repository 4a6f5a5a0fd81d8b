package dev.scs.batch.graph;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import dev.scs.batch.recompute.ValidatedRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The social graph as of a run's watermark, from the social.tie_added and social.tie_removed events
 * it replayed. A tie is undirected and exists per relation: the last event for a pair of citizens
 * and a relation, in canonical order, says whether that tie is there. Two citizens are neighbours
 * when any relation ties them.
 */
public final class TieGraph {
  private TieGraph() {}

  /**
   * Every tie present at the watermark, each once: citizen_a, citizen_b ({@code citizen_a <
   * citizen_b} by code point) and relation. The lake's {@code graph_ties} table.
   */
  public static Dataset<Row> liveTies(Dataset<ValidatedRecord> accepted) {
    return tieEvents(accepted)
        .withColumn(
            "latest",
            row_number()
                .over(
                    Window.partitionBy("citizen_a", "citizen_b", "relation")
                        .orderBy(col("occurred_at").desc(), col("event_id").desc())))
        .filter("latest = 1 and type = 'social.tie_added'")
        .select("citizen_a", "citizen_b", "relation");
  }

  /**
   * citizen_id of every citizen on either side of a tie event, each once, whether the tie is still
   * there or not: the citizens whose graph metrics a run may change.
   */
  public static Dataset<Row> tiedCitizens(Dataset<ValidatedRecord> accepted) {
    Dataset<Row> events = tieEvents(accepted);
    return events
        .selectExpr("citizen_a as citizen_id")
        .union(events.selectExpr("citizen_b as citizen_id"))
        .distinct();
  }

  /**
   * Tie events, their pair ordered: event_id, occurred_at, type, citizen_a, citizen_b, relation.
   */
  private static Dataset<Row> tieEvents(Dataset<ValidatedRecord> accepted) {
    return accepted
        .selectExpr(
            "eventId as event_id",
            "occurredAt as occurred_at",
            "citizenId as citizen_id",
            "get_json_object(value, '$.type') as type",
            "get_json_object(value, '$.payload.other_citizen_id') as other",
            "get_json_object(value, '$.payload.relation') as relation")
        .filter("type in ('social.tie_added', 'social.tie_removed')")
        .filter("other is not null and other <> citizen_id")
        .selectExpr(
            "event_id",
            "occurred_at",
            "type",
            "least(citizen_id, other) as citizen_a",
            "greatest(citizen_id, other) as citizen_b",
            "relation");
  }

  /** Undirected edges, each once: {@code a < b} by code point; neighbours by any relation. */
  public static Dataset<Row> liveEdges(Dataset<ValidatedRecord> accepted) {
    return edgesOf(liveTies(accepted));
  }

  /** The edges (a, b) of {@link #liveTies}' rows: one per pair, whatever the relations. */
  public static Dataset<Row> edgesOf(Dataset<Row> ties) {
    return ties.selectExpr("citizen_a as a", "citizen_b as b").distinct();
  }
}
