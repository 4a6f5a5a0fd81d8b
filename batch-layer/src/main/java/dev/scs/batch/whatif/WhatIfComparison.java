package dev.scs.batch.whatif;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.scs.batch.aggregate.RunAggregates;
import dev.scs.batch.recompute.CitizenOutcome;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The comparison of a what-if: the same archive scored at the same instant with the current rules
 * and with another rule set, per citizen and as distributions.
 */
public final class WhatIfComparison {
  private final Dataset<Row> citizens;

  /**
   * @param current outcomes with the current rules
   * @param alternative outcomes with the other rule set, over the same events and instant
   */
  public WhatIfComparison(Dataset<CitizenOutcome> current, Dataset<CitizenOutcome> alternative) {
    Dataset<Row> before =
        RunAggregates.scores(current)
            .withColumnRenamed("score", "score_before")
            .withColumnRenamed("tier", "tier_before");
    Dataset<Row> after =
        RunAggregates.scores(alternative)
            .withColumnRenamed("score", "score_after")
            .withColumnRenamed("tier", "tier_after");
    this.citizens =
        before
            .join(after, new String[] {"citizen_id"}, "full_outer")
            .withColumn(
                "change",
                coalesce(col("score_after"), lit(0))
                    .minus(coalesce(col("score_before"), lit(0)))
                    .cast("decimal(18,2)"));
  }

  /** citizen_id, score_before, tier_before, score_after, tier_after, change. */
  public Dataset<Row> citizens() {
    return citizens.select(
        "citizen_id", "score_before", "tier_before", "score_after", "tier_after", "change");
  }

  /** tier, citizens_before, citizens_after, change. */
  public Dataset<Row> tierShift() {
    Dataset<Row> before =
        citizens.groupBy(col("tier_before").as("tier")).agg(count(lit(1)).as("citizens_before"));
    Dataset<Row> after =
        citizens.groupBy(col("tier_after").as("tier")).agg(count(lit(1)).as("citizens_after"));
    return before
        .join(after, new String[] {"tier"}, "full_outer")
        .filter(col("tier").isNotNull())
        .select(
            col("tier"),
            coalesce(col("citizens_before"), lit(0L)).as("citizens_before"),
            coalesce(col("citizens_after"), lit(0L)).as("citizens_after"))
        .withColumn("change", col("citizens_after").minus(col("citizens_before")));
  }

  /** bucket_floor, bucket_width, citizens_before, citizens_after: the distribution shift. */
  public Dataset<Row> scoreShift(int width) {
    String bucket = "cast(floor(%s / " + width + ") * " + width + " as int)";
    Dataset<Row> before =
        citizens
            .filter(col("score_before").isNotNull())
            .groupBy(expr(String.format(bucket, "score_before")).as("bucket_floor"))
            .agg(count(lit(1)).as("citizens_before"));
    Dataset<Row> after =
        citizens
            .filter(col("score_after").isNotNull())
            .groupBy(expr(String.format(bucket, "score_after")).as("bucket_floor"))
            .agg(count(lit(1)).as("citizens_after"));
    return before
        .join(after, new String[] {"bucket_floor"}, "full_outer")
        .select(
            col("bucket_floor"),
            lit(width).as("bucket_width"),
            coalesce(col("citizens_before"), lit(0L)).as("citizens_before"),
            coalesce(col("citizens_after"), lit(0L)).as("citizens_after"));
  }

  public WhatIfSummary summarize(int largest) {
    Row totals =
        citizens
            .agg(
                count(lit(1)),
                sum(when(col("change").notEqual(0), 1).otherwise(0)),
                expr("avg(change)"),
                sum(when(col("tier_before").notEqual(col("tier_after")), 1).otherwise(0)))
            .first();
    List<String> movers = new ArrayList<>();
    for (Row row :
        citizens
            .filter(col("change").notEqual(0))
            .orderBy(expr("abs(change)").desc(), col("citizen_id"))
            .limit(largest)
            .collectAsList()) {
      movers.add(
          String.format(
              "%s %s -> %s (%s, %s -> %s)",
              row.getAs("citizen_id"),
              row.getAs("score_before"),
              row.getAs("score_after"),
              row.getAs("change"),
              row.getAs("tier_before"),
              row.getAs("tier_after")));
    }
    List<String> tiers = new ArrayList<>();
    for (Row row : tierShift().orderBy("tier").collectAsList()) {
      tiers.add(
          String.format(
              "%-12s %,8d -> %,8d",
              row.getAs("tier"),
              row.<Long>getAs("citizens_before"),
              row.<Long>getAs("citizens_after")));
    }
    return new WhatIfSummary(
        totals.getLong(0),
        totals.isNullAt(1) ? 0 : totals.getLong(1),
        totals.isNullAt(2) ? 0.0 : ((java.math.BigDecimal) totals.get(2)).doubleValue(),
        totals.isNullAt(3) ? 0 : totals.getLong(3),
        tiers,
        movers);
  }
}
