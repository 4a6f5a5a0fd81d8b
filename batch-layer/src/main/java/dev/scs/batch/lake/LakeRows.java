package dev.scs.batch.lake;

import dev.scs.batch.recompute.CitizenOutcome;
import dev.scs.batch.recompute.ValidatedRecord;
import dev.scs.batch.run.Watermark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The rows of the lake's events and scores tables, in the layout's column names and types. */
public final class LakeRows {
  private LakeRows() {}

  /** Accepted events of the run, with their UTC {@code date} partition column. */
  public static Dataset<Row> events(Dataset<ValidatedRecord> accepted) {
    return accepted.selectExpr(
        "eventId as event_id",
        "citizenId as citizen_id",
        "get_json_object(value, '$.type') as type",
        "timestamp_millis(occurredAt) as occurred_at",
        "get_json_object(value, '$.source') as source",
        "get_json_object(value, '$.payload') as payload_json",
        "timestamp_millis(ingestedAt) as ingested_at",
        "date_from_unix_date(cast(floor(occurredAt / 86400000) as int)) as date");
  }

  /** Each citizen's score at W. */
  public static Dataset<Row> scores(Dataset<CitizenOutcome> outcomes, Watermark watermark) {
    return outcomes.selectExpr(
        "citizenId as citizen_id",
        "raw",
        "cast(score as decimal(18,2)) as score",
        "tier",
        "firings",
        "timestamp_millis(" + watermark.epochMillis() + "L) as as_of");
  }
}
