package dev.scs.batch.view;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import dev.scs.batch.recompute.CitizenOutcome;
import dev.scs.batch.recompute.LedgerEntry;
import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.run.Watermark;
import dev.scs.scoring.engine.Firing;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The rows one batch run writes, in the column names of keyspace.cql: the canonical ledger
 * (batch_ledger), the batch view at W (batch_view) and the cooldown and cap state at W
 * (batch_rule_state), each keyed by the run id.
 */
public final class BatchRunTables {
  private BatchRunTables() {}

  public static Dataset<Row> ledger(RecomputeResult result, Watermark watermark) {
    return ledgerRows(result.ledger(), watermark.runId());
  }

  /** Ledger entries as rows of a ledger table; {@code runId} null leaves the run_id column out. */
  public static Dataset<Row> ledgerRows(Dataset<LedgerEntry> entries, String runId) {
    Dataset<Row> rows =
        entries.selectExpr(
            "citizenId as citizen_id",
            "timestamp_millis(occurredAt) as occurred_at",
            "eventId as event_id",
            "ruleId as rule_id",
            "ruleVersion as rule_version",
            "cast(delta as decimal(18,2)) as delta",
            "halfLifeMillis as half_life_ms");
    return runId == null ? rows : rows.select(lit(runId).as("run_id"), col("*"));
  }

  /** Every citizen with an accepted event gets a view, an empty one when no rule fired. */
  public static Dataset<CitizenView> views(Dataset<CitizenOutcome> outcomes, Watermark watermark) {
    long referenceAt = watermark.epochMillis();
    MapFunction<CitizenOutcome, CitizenView> toView =
        outcome -> CitizenView.of(outcome.getCitizenId(), referenceAt, firings(outcome));
    return outcomes.map(toView, Encoders.bean(CitizenView.class));
  }

  public static Dataset<Row> viewRows(Dataset<CitizenView> views, Watermark watermark) {
    return views.select(
        lit(watermark.runId()).as("run_id"),
        col("citizenId").as("citizen_id"),
        expr("timestamp_millis(referenceAt)").as("reference_at"),
        col("sums"),
        expr("timestamp_millis(latestFiringAt)").as("latest_firing_at"),
        col("firings"));
  }

  public static Dataset<Row> ruleState(Dataset<CitizenOutcome> outcomes, Watermark watermark) {
    return outcomes
        .select(col("citizenId"), explode(col("ruleState")).as("rule"))
        .selectExpr(
            "'" + watermark.runId() + "' as run_id",
            "citizenId as citizen_id",
            "rule.ruleId as rule_id",
            "transform(rule.firingTimes, t -> timestamp_millis(t)) as firing_times");
  }

  public static List<Firing> firings(CitizenOutcome outcome) {
    List<Firing> firings = new ArrayList<>(outcome.getLedger().size());
    for (LedgerEntry entry : outcome.getLedger()) {
      firings.add(entry.toFiring());
    }
    return firings;
  }
}
