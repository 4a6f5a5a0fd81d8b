package dev.scs.batch.graph;

import dev.scs.batch.recompute.CitizenOutcome;
import dev.scs.batch.recompute.ValidatedRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The values a published run sets on the citizens' nodes in the social graph: one row per citizen
 * the run replayed or the ties name, with the run's score at W and the lake's degree and PageRank.
 */
public final class CitizenNodes {
  private CitizenNodes() {}

  /**
   * Every citizen with a view in the run, a graph metrics row, or a part in any tie event before W,
   * once each. A citizen without a metrics row has no tie at W (the lake's {@code graph} table
   * lists only citizens with a tie) and gets degree 0 and PageRank 0.0: written, not left out, so
   * that a node keeps no degree from an earlier run after its last tie was removed. That is also
   * why the citizens of removed ties count, even those with no event of their own.
   *
   * @param outcomes the run's replay: its score at W per citizen (the batch view's score at W)
   * @param metrics the run's lake {@code graph} table: citizen_id, degree, pagerank
   * @param accepted the run's accepted events, for the citizens that tie events name
   */
  public static Dataset<CitizenNodeValues> of(
      Dataset<CitizenOutcome> outcomes, Dataset<Row> metrics, Dataset<ValidatedRecord> accepted) {
    Dataset<Row> scores =
        outcomes.selectExpr("citizenId as citizen_id", "cast(score as double) as batch_score");
    Dataset<Row> citizens =
        scores
            .select("citizen_id")
            .union(metrics.select("citizen_id"))
            .union(TieGraph.tiedCitizens(accepted))
            .distinct();
    return citizens
        .join(scores, new String[] {"citizen_id"}, "left")
        .join(
            metrics.select("citizen_id", "degree", "pagerank"), new String[] {"citizen_id"}, "left")
        .selectExpr(
            "citizen_id as citizenId",
            "batch_score as batchScore",
            "coalesce(degree, 0L) as degree",
            "coalesce(pagerank, 0.0D) as pagerank")
        .as(Encoders.bean(CitizenNodeValues.class));
  }
}
