package dev.scs.batch.recompute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * What a recompute produced, as Datasets for the caller's sinks, and its counts. Close it to
 * release the cached intermediate results.
 */
public final class RecomputeResult implements AutoCloseable {
  private final Dataset<ValidatedRecord> validated;
  private final Dataset<ValidatedRecord> accepted;
  private final Dataset<ValidatedRecord> rejects;
  private final Dataset<CitizenOutcome> outcomes;

  RecomputeResult(
      Dataset<ValidatedRecord> validated,
      Dataset<ValidatedRecord> accepted,
      Dataset<ValidatedRecord> rejects,
      Dataset<CitizenOutcome> outcomes) {
    this.validated = validated;
    this.accepted = accepted;
    this.rejects = rejects;
    this.outcomes = outcomes;
  }

  /** Accepted, de-duplicated events: the ones the ledger was computed from. */
  public Dataset<ValidatedRecord> accepted() {
    return accepted;
  }

  /** Rejected records (the contract's reasons, and {@code duplicate}), in no particular order. */
  public Dataset<ValidatedRecord> rejects() {
    return rejects;
  }

  /** One row per citizen with at least one accepted event. */
  public Dataset<CitizenOutcome> outcomes() {
    return outcomes;
  }

  /** Every firing, one row each, with its position in the citizen's canonical ledger. */
  public Dataset<LedgerEntry> ledger() {
    return outcomes
        .select(explode(col("ledger")).as("entry"))
        .select("entry.*")
        .as(Encoders.bean(LedgerEntry.class));
  }

  /** Counts for the run's summary; each is one Spark job over cached data. */
  public Summary summarize() {
    long records = validated.count();
    Map<String, Long> rejectsByReason = new LinkedHashMap<>();
    List<Row> byReason = rejects.groupBy("reason").count().orderBy("reason").collectAsList();
    for (Row row : byReason) {
      rejectsByReason.put(row.getString(0), row.getLong(1));
    }
    Row totals =
        outcomes
            .selectExpr("count(*)", "coalesce(sum(events), 0)", "coalesce(sum(size(ledger)), 0)")
            .first();
    return new Summary(
        records, totals.getLong(1), rejectsByReason, totals.getLong(0), totals.getLong(2));
  }

  @Override
  public void close() {
    outcomes.unpersist();
    validated.unpersist();
  }

  /**
   * @param records every record read
   * @param accepted accepted, de-duplicated events
   * @param rejectsByReason rejected records by reason, duplicates included
   * @param citizens citizens with at least one accepted event
   * @param firings ledger entries, after the as-of instant included
   */
  public record Summary(
      long records,
      long accepted,
      Map<String, Long> rejectsByReason,
      long citizens,
      long firings) {}
}
