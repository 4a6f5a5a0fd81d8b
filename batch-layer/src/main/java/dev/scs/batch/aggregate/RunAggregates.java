package dev.scs.batch.aggregate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import dev.scs.batch.recompute.CitizenOutcome;
import dev.scs.batch.recompute.LedgerEntry;
import dev.scs.batch.recompute.ValidatedRecord;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The aggregates of one run, for the serving layer's analytics and the notebooks: daily counts and
 * points by region and event type, the score histogram and tier counts, tier transitions and top
 * movers against the previous run, and rule hit counts. Column names are the lake's
 * (schemas/parquet/layout.md); a tier is {@code none} where a score is below every tier.
 */
public final class RunAggregates {
  /** Stands for a missing region or tier, since both end up in key columns. */
  public static final String NONE = "none";

  private final Dataset<ValidatedRecord> accepted;
  private final Dataset<LedgerEntry> ledger;
  private final Dataset<Row> scores;
  private final Dataset<Row> regions;

  /**
   * @param accepted the run's accepted, de-duplicated events
   * @param ledger the run's canonical ledger
   * @param outcomes the run's per-citizen scores at W
   * @param regions citizen_id and region of every registered citizen
   */
  public RunAggregates(
      Dataset<ValidatedRecord> accepted,
      Dataset<LedgerEntry> ledger,
      Dataset<CitizenOutcome> outcomes,
      Dataset<Row> regions) {
    this.accepted = accepted;
    this.ledger = ledger;
    this.scores = scores(outcomes);
    this.regions = regions.select("citizen_id", "region");
  }

  /** citizen_id, score (decimal(18,2)), tier ({@code none} below every tier). */
  public static Dataset<Row> scores(Dataset<CitizenOutcome> outcomes) {
    return outcomes.selectExpr(
        "citizenId as citizen_id",
        "cast(score as decimal(18,2)) as score",
        "coalesce(tier, '" + NONE + "') as tier");
  }

  /** date, region, type, events, points: per UTC day of occurred_at. */
  public Dataset<Row> daily() {
    Dataset<Row> events =
        accepted
            .selectExpr(
                "eventId as event_id",
                "citizenId as citizen_id",
                // The day from epoch millis directly, whatever the session's time zone.
                "date_from_unix_date(cast(floor(occurredAt / 86400000) as int)) as date",
                "get_json_object(value, '$.type') as type")
            .join(regions, new String[] {"citizen_id"}, "left")
            .withColumn("region", coalesce(col("region"), lit(NONE)));
    Dataset<Row> points =
        ledger
            .selectExpr("eventId as event_id", "cast(delta as decimal(18,2)) as delta")
            .groupBy("event_id")
            .agg(sum("delta").as("points"));
    return events
        .join(points, new String[] {"event_id"}, "left")
        .groupBy("date", "region", "type")
        .agg(
            count(lit(1)).as("events"),
            coalesce(sum("points"), lit(0)).cast("decimal(18,2)").as("points"));
  }

  /** bucket_floor, bucket_width, citizens: scores at W in buckets of {@code width} points. */
  public Dataset<Row> scoreHistogram(int width) {
    return scores
        .select(
            expr("cast(floor(score / " + width + ") * " + width + " as int)").as("bucket_floor"))
        .groupBy("bucket_floor")
        .agg(count(lit(1)).as("citizens"))
        .select(col("bucket_floor"), lit(width).as("bucket_width"), col("citizens"));
  }

  /** tier, citizens. */
  public Dataset<Row> tierCounts() {
    return scores.groupBy("tier").agg(count(lit(1)).as("citizens"));
  }

  /** rule_id, rule_version, firings, points. */
  public Dataset<Row> ruleHits() {
    return ledger
        .groupBy(col("ruleId").as("rule_id"), col("ruleVersion").as("rule_version"))
        .agg(
            count(lit(1)).as("firings"),
            sum(col("delta").cast("decimal(18,2)")).cast("decimal(18,2)").as("points"));
  }

  /**
   * previous_run_id, from_tier, to_tier, citizens. Citizens new in this run come from tier {@code
   * none}; without a previous run every citizen does.
   *
   * @param previous the previous run's id and its lake scores (citizen_id, score, tier)
   */
  public Dataset<Row> tierTransitions(Optional<PreviousRun> previous) {
    return againstPrevious(previous)
        .groupBy(
            coalesce(col("previous_tier"), lit(NONE)).as("from_tier"), col("tier").as("to_tier"))
        .agg(count(lit(1)).as("citizens"))
        .select(
            lit(previous.map(PreviousRun::runId).orElse(null)).cast("string").as("previous_run_id"),
            col("from_tier"),
            col("to_tier"),
            col("citizens"));
  }

  /**
   * direction ({@code up} or {@code down}), rank (1 = the largest move), citizen_id,
   * previous_score, score, change: the {@code limit} largest score changes each way since the
   * previous run. A citizen new in this run moved from the base score.
   */
  public Dataset<Row> topMovers(Optional<PreviousRun> previous, double baseScore, int limit) {
    Dataset<Row> moves =
        againstPrevious(previous)
            .withColumn(
                "previous_score",
                coalesce(col("previous_score"), lit(baseScore).cast("decimal(18,2)")))
            .withColumn("change", col("score").minus(col("previous_score")).cast("decimal(18,2)"))
            .filter(col("change").notEqual(0));
    // One window per direction, so that each direction is ranked on its own partition.
    return moves
        .withColumn("direction", expr("case when change > 0 then 'up' else 'down' end"))
        .withColumn(
            "rank",
            row_number()
                .over(
                    Window.partitionBy("direction")
                        .orderBy(expr("abs(change)").desc(), col("citizen_id").asc())))
        .filter(col("rank").leq(limit))
        .select(
            col("direction"),
            col("rank"),
            col("citizen_id"),
            col("previous_score"),
            col("score"),
            col("change"),
            lit(previous.map(PreviousRun::runId).orElse(null))
                .cast("string")
                .as("previous_run_id"));
  }

  private Dataset<Row> againstPrevious(Optional<PreviousRun> previous) {
    Dataset<Row> before =
        previous
            .map(
                run ->
                    run.scores()
                        .selectExpr(
                            "citizen_id",
                            "cast(score as decimal(18,2)) as previous_score",
                            "coalesce(tier, '" + NONE + "') as previous_tier"))
            .orElseGet(
                () ->
                    scores
                        .limit(0)
                        .selectExpr(
                            "citizen_id",
                            "cast(null as decimal(18,2)) as previous_score",
                            "cast(null as string) as previous_tier"));
    return scores.join(before, new String[] {"citizen_id"}, "left");
  }

  /** The run before this one: its id and its scores as written to the lake. */
  public record PreviousRun(String runId, Dataset<Row> scores) {}
}
