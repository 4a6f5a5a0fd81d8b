package dev.scs.batch.speed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import dev.scs.batch.run.Watermark;
import dev.scs.batch.view.CitizenView;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * What the speed side looks like once a run for W is published: the speed view holds only the
 * firings of events ingested at or after W, and the cooldown and cap state is the run's canonical
 * state at W plus the speed firings since (contract, section 7).
 */
public final class SpeedSideRebuild {
  private SpeedSideRebuild() {}

  /**
   * speed_view rows for W: a view of each citizen's speed firings, and an empty view for every
   * citizen that had a speed view but has no speed firing left (its firings are the batch's now).
   *
   * @param speedFirings firings of events ingested at or after W, by citizen
   * @param currentSpeedViewCitizens the citizen_id column of speed_view before the rebuild
   */
  public static Dataset<Row> speedView(
      Dataset<CitizenFirings> speedFirings,
      Dataset<Row> currentSpeedViewCitizens,
      Watermark watermark) {
    long referenceAt = watermark.epochMillis();
    MapFunction<CitizenFirings, CitizenView> toView =
        citizen -> CitizenView.of(citizen.getCitizenId(), referenceAt, citizen.firings());
    Dataset<Row> views =
        speedFirings
            .map(toView, Encoders.bean(CitizenView.class))
            .selectExpr(
                "citizenId as citizen_id", "referenceAt", "sums", "latestFiringAt", "firings");
    Dataset<Row> emptied =
        currentSpeedViewCitizens
            .select("citizen_id")
            .distinct()
            .join(views.select("citizen_id"), new String[] {"citizen_id"}, "left_anti")
            .select(
                col("citizen_id"),
                lit(referenceAt).as("referenceAt"),
                expr("map_from_arrays(cast(array() as array<bigint>), cast(array() as"
                        + " array<double>))")
                    .as("sums"),
                lit(null).cast("bigint").as("latestFiringAt"),
                lit(0L).as("firings"));
    return views
        .unionByName(emptied)
        .select(
            col("citizen_id"),
            lit(referenceAt).cast("bigint").as("w"),
            col("referenceAt"),
            col("sums"),
            col("latestFiringAt"),
            col("firings"))
        .selectExpr(
            "citizen_id",
            "timestamp_millis(w) as watermark",
            "timestamp_millis(referenceAt) as reference_at",
            "sums",
            "timestamp_millis(latestFiringAt) as latest_firing_at",
            "firings");
  }

  /**
   * rule_state rows: per citizen and rule_id, the run's firing times at W together with the firing
   * times of the speed firings since, ascending and without repeats.
   *
   * @param batchRuleState batch_rule_state rows of the run (citizen_id, rule_id, firing_times)
   * @param speedLedger speed ledger rows of events ingested at or after W
   * @param asOf the instant the rebuilt state is stamped with
   */
  public static Dataset<Row> ruleState(
      Dataset<Row> batchRuleState, Dataset<Row> speedLedger, long asOf) {
    Dataset<Row> batchTimes =
        batchRuleState.select(
            col("citizen_id"), col("rule_id"), explode(col("firing_times")).as("firing_time"));
    Dataset<Row> speedTimes =
        speedLedger.select(col("citizen_id"), col("rule_id"), col("occurred_at").as("firing_time"));
    return batchTimes
        .unionByName(speedTimes)
        .groupBy("citizen_id", "rule_id")
        .agg(collect_list("firing_time").as("times"))
        .select(
            col("citizen_id"),
            col("rule_id"),
            expr("array_sort(array_distinct(times))").as("firing_times"),
            expr("timestamp_millis(" + asOf + "L)").as("as_of"));
  }

  /** Keys of rule_state rows that the rebuilt state no longer has: to be deleted. */
  public static Dataset<Row> staleRuleStateKeys(
      Dataset<Row> currentRuleStateKeys, Dataset<Row> rebuiltRuleState) {
    return currentRuleStateKeys
        .select("citizen_id", "rule_id")
        .join(
            rebuiltRuleState.select("citizen_id", "rule_id"),
            new String[] {"citizen_id", "rule_id"},
            "left_anti");
  }
}
