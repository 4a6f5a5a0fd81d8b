package dev.scs.batch.graph;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Degree and PageRank of every citizen with at least one tie, by power iteration over the
 * undirected tie graph (each edge counts both ways). Every node has a tie, so there is no dangling
 * rank to redistribute and the ranks keep summing to one.
 */
public final class GraphMetrics {
  /** The usual damping factor: the chance that a random walk follows a tie. */
  public static final double DAMPING = 0.85;

  private static final int ROUNDS_PER_CHECKPOINT = 5;

  private GraphMetrics() {}

  /**
   * @param edges undirected edges (a, b), each once
   * @return citizen_id, degree (bigint), pagerank (double)
   */
  public static Dataset<Row> compute(Dataset<Row> edges, int iterations) {
    Dataset<Row> directed =
        edges
            .selectExpr("a as src", "b as dst")
            .unionByName(edges.selectExpr("b as src", "a as dst"))
            .localCheckpoint();
    Dataset<Row> degrees =
        directed
            .groupBy(col("src").as("citizen_id"))
            .agg(count(lit(1)).as("degree"))
            .localCheckpoint();
    long nodes = degrees.count();
    if (nodes == 0) {
      return degrees.withColumn("pagerank", lit(0.0));
    }
    Dataset<Row> outShares =
        directed
            .join(degrees.withColumnRenamed("citizen_id", "src"), "src")
            .select(col("src"), col("dst"), lit(1.0).divide(col("degree")).as("share"))
            .localCheckpoint();
    double teleport = (1.0 - DAMPING) / nodes;
    Dataset<Row> ranks = degrees.select(col("citizen_id"), lit(1.0 / nodes).as("pagerank"));
    for (int i = 0; i < iterations; i++) {
      Dataset<Row> received =
          outShares
              .join(ranks.withColumnRenamed("citizen_id", "src"), "src")
              .groupBy(col("dst").as("citizen_id"))
              .agg(sum(col("pagerank").multiply(col("share"))).as("received"));
      ranks =
          degrees
              .select("citizen_id")
              .join(received, new String[] {"citizen_id"}, "left")
              .select(
                  col("citizen_id"),
                  lit(teleport)
                      .plus(lit(DAMPING).multiply(coalesce(col("received"), lit(0.0))))
                      .as("pagerank"));
      // Each round reads the previous one once, so the plan only grows linearly; cutting it every
      // few rounds keeps planning cheap without a Spark job per round.
      if ((i + 1) % ROUNDS_PER_CHECKPOINT == 0) {
        ranks = ranks.localCheckpoint();
      }
    }
    return degrees.join(ranks, "citizen_id");
  }
}
