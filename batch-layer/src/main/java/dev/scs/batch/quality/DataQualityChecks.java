package dev.scs.batch.quality;

import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.view.CitizenView;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks a run passes before it writes anything: every archived event is accounted for, the
 * ledger and the views agree, and no accepted event is counted on both sides of the watermark
 * (contract, section 7). Each check is one Spark job over data the run has cached.
 */
public final class DataQualityChecks {
  private DataQualityChecks() {}

  /**
   * @param summary the recompute's counts over archive rows ingested before W
   * @param views the batch views of the run
   * @param speedLedger speed ledger rows of events ingested at or after W
   * @param speedArchive archive rows ingested at or after W
   */
  public static QualityReport check(
      String runId,
      RecomputeResult result,
      RecomputeResult.Summary summary,
      Dataset<CitizenView> views,
      Dataset<Row> speedLedger,
      Dataset<Row> speedArchive) {
    List<QualityCheck> checks = new ArrayList<>();
    long duplicates = summary.rejectsByReason().getOrDefault("duplicate", 0L);
    long invalid =
        summary.rejectsByReason().values().stream().mapToLong(Long::longValue).sum() - duplicates;
    checks.add(
        QualityCheck.blocking(
            "archived rows before W that no longer validate as events", 0, invalid));
    checks.add(
        QualityCheck.reported(
            "archived later copies of an event_id before W (counted once)", 0, duplicates));
    checks.add(
        QualityCheck.blocking(
            "archive rows before W = accepted + invalid + later copies",
            summary.records(),
            summary.accepted() + invalid + duplicates));

    Row viewTotals = views.selectExpr("count(*)", "coalesce(sum(firings), 0)").first();
    checks.add(
        QualityCheck.blocking(
            "citizens with a batch view = citizens with accepted events",
            summary.citizens(),
            viewTotals.getLong(0)));
    checks.add(
        QualityCheck.blocking(
            "firings counted in the batch views = batch ledger entries",
            summary.firings(),
            viewTotals.getLong(1)));

    Dataset<Row> batchEventIds =
        result.accepted().select("eventId").withColumnRenamed("eventId", "event_id");
    Dataset<Row> speedEventIds = speedLedger.select("event_id").distinct();
    Dataset<Row> speedArchiveIds = speedArchive.select("event_id").distinct();
    checks.add(
        QualityCheck.blocking(
            "events archived on both sides of W",
            0,
            speedArchiveIds.join(batchEventIds, new String[] {"event_id"}, "left_semi").count()));
    checks.add(
        QualityCheck.blocking(
            "events with batch firings and speed firings (counted twice)",
            0,
            speedEventIds.join(batchEventIds, new String[] {"event_id"}, "left_semi").count()));
    checks.add(
        QualityCheck.blocking(
            "speed firings whose event is not archived at or after W",
            0,
            speedEventIds.join(speedArchiveIds, new String[] {"event_id"}, "left_anti").count()));
    long speedEvents = speedArchiveIds.count();
    checks.add(
        QualityCheck.reported(
            "events archived at or after W (the speed side)", speedEvents, speedEvents));
    return new QualityReport(runId, List.copyOf(checks));
  }
}
