package dev.scs.batch.run;

import dev.scs.batch.archive.ArchiveTable;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.quality.DataQualityChecks;
import dev.scs.batch.quality.DataQualityException;
import dev.scs.batch.quality.QualityReport;
import dev.scs.batch.recompute.CanonicalRecompute;
import dev.scs.batch.recompute.IngestedRecord;
import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.speed.CitizenFirings;
import dev.scs.batch.speed.SpeedLedgerTable;
import dev.scs.batch.speed.SpeedSideRebuild;
import dev.scs.batch.store.BatchStores;
import dev.scs.batch.store.CitizenDirectory;
import dev.scs.batch.store.PublishedRun;
import dev.scs.batch.store.RunRecord;
import dev.scs.batch.view.BatchRunTables;
import dev.scs.batch.view.CitizenView;
import dev.scs.batch.view.ServedScores;
import java.time.Clock;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * One batch run for a watermark W (contract, section 7): recompute every event archived before W in
 * canonical order, check the counts, write the run, publish it with one write, then make the speed
 * side and MongoDB follow it.
 *
 * <p>Nothing a reader uses changes before {@link BatchStores#publish}: the run's rows are keyed by
 * its run id, and readers look up the published run first. A run that fails earlier leaves the
 * previous run published and can simply be run again; the run id is derived from W, so a re-run
 * writes the same rows.
 *
 * <p>Sources and sinks come in through the constructor, so the whole run is tested on local[2] with
 * in-memory tables, and on the local stack with the real ones.
 */
public final class BatchRun {
  private static final String DGRAPH_SKIPPED =
      "degree and PageRank written to the lake; Dgraph skipped (this stack has no Dgraph)";

  private final ScoringInputs inputs;
  private final BatchStores stores;
  private final CitizenDirectory citizens;
  private final Lake lake;
  private final BatchRunSettings settings;
  private final Clock clock;
  private final RunProgress progress;

  public BatchRun(
      ScoringInputs inputs,
      BatchStores stores,
      CitizenDirectory citizens,
      Lake lake,
      BatchRunSettings settings,
      Clock clock,
      RunProgress progress) {
    this.inputs = inputs;
    this.stores = stores;
    this.citizens = citizens;
    this.lake = lake;
    this.settings = settings;
    this.clock = clock;
    this.progress = progress;
  }

  public BatchRunReport run(Watermark watermark) {
    String runId = watermark.runId();
    long startedAt = clock.millis();
    refuseToGoBackInTime(watermark);
    progress.say("run " + runId + ": events ingested before " + watermark);

    // One scan of the archive serves both sides of W; it is cached until the replay has read it.
    Dataset<Row> archive =
        ArchiveTable.scanned(stores.archive()).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> speedArchive =
        ArchiveTable.ingestedFrom(archive, watermark)
            .select("event_id", "citizen_id")
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> speedLedger =
        SpeedLedgerTable.ingestedFrom(stores.speedLedger(), watermark)
            .persist(StorageLevel.MEMORY_AND_DISK());
    progress.step("read archive", () -> speedArchive.count());
    Dataset<IngestedRecord> records =
        ArchiveTable.asIngestedRecords(ArchiveTable.ingestedBefore(archive, watermark));
    try (RecomputeResult result =
        new CanonicalRecompute(inputs, null, watermark.epochMillis()).run(records)) {
      RecomputeResult.Summary summary = progress.step("replay", result::summarize);
      archive.unpersist();
      Dataset<CitizenView> views =
          BatchRunTables.views(result.outcomes(), watermark)
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        QualityReport quality =
            progress.step(
                "data-quality checks",
                () ->
                    DataQualityChecks.check(
                        runId, result, summary, views, speedLedger, speedArchive));
        progress.say(quality.render().stripTrailing());
        if (!quality.passed()) {
          throw new DataQualityException(quality);
        }
        RunOutputs outputs =
            new RunOutputs(result, views, watermark, citizens.regions(), lake, settings, inputs);
        RunRecord record = writeAndPublish(outputs, summary, watermark, startedAt);
        AfterPublish followed = follow(outputs, result, speedLedger, watermark);
        stores.recordRun(record.withStatus(RunRecord.RECONCILED, clock.millis()));
        return new BatchRunReport(
            runId,
            watermark,
            summary,
            quality,
            followed.speedFirings(),
            followed.reconciliation(),
            DGRAPH_SKIPPED,
            progress.millisByStep());
      } finally {
        views.unpersist();
      }
    } finally {
      archive.unpersist();
      speedArchive.unpersist();
      speedLedger.unpersist();
    }
  }

  /**
   * Writes every row of the run, then publishes it. Nothing before {@link BatchStores#publish} is
   * visible to readers, so a failure up to there leaves the previous run published.
   */
  private RunRecord writeAndPublish(
      RunOutputs outputs, RecomputeResult.Summary summary, Watermark watermark, long startedAt) {
    String runId = watermark.runId();
    outputs.writeLake(progress);
    progress.step("write run tables", () -> outputs.writeRunTables(stores));
    RunRecord record =
        new RunRecord(
            runId,
            watermark.epochMillis(),
            startedAt,
            null,
            RunRecord.WRITTEN,
            summary.accepted(),
            summary.firings(),
            summary.citizens());
    stores.recordRun(record);

    // The publish: the run's last write, after which readers see this run.
    long publishedAt = clock.millis();
    stores.publish(new PublishedRun(runId, watermark.epochMillis(), publishedAt));
    stores.recordRun(record.withStatus(RunRecord.PUBLISHED, null));
    progress.say("published run " + runId);
    lake.writeRunTable(Lake.RUNS, runId, outputs.runRow(publishedAt, summary));
    return record;
  }

  /**
   * Makes the speed side and MongoDB follow the published run, and applies the lake's retention.
   * Each step replaces what it writes, so a failure here is repaired by running W again.
   */
  private AfterPublish follow(
      RunOutputs outputs, RecomputeResult result, Dataset<Row> speedLedger, Watermark watermark) {
    Dataset<CitizenFirings> speedFirings =
        SpeedLedgerTable.byCitizen(speedLedger).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long speedFiringCount =
          progress.step(
              "rebuild speed side",
              () -> rebuildSpeedSide(watermark, outputs, speedLedger, speedFirings));
      CitizenDirectory.Reconciliation reconciliation =
          progress.step(
              "reconcile MongoDB citizens",
              () ->
                  citizens.reconcile(
                      ServedScores.at(
                          result.outcomes(), speedFirings, watermark, clock.millis(), inputs)));
      progress.step(
          "lake retention",
          () -> lake.applyRetention(watermark, settings.lakeRetentionMillis(), watermark.runId()));
      return new AfterPublish(speedFiringCount, reconciliation);
    } catch (Exception e) { // Spark's job failures are checked exceptions thrown unchecked
      throw new IllegalStateException(
          "run "
              + watermark.runId()
              + " is published, but making the speed side and MongoDB follow it failed ("
              + e.getMessage()
              + "); run again with --watermark "
              + watermark
              + " to finish",
          e);
    } finally {
      speedFirings.unpersist();
    }
  }

  private record AfterPublish(long speedFirings, CitizenDirectory.Reconciliation reconciliation) {}

  /** A run for an earlier W than the published one would move every reader back in time. */
  private void refuseToGoBackInTime(Watermark watermark) {
    Optional<PublishedRun> published = stores.publishedRun();
    if (published.isPresent() && published.get().watermark() > watermark.epochMillis()) {
      throw new IllegalArgumentException(
          "run "
              + published.get().runId()
              + " with a later watermark is published; a run for "
              + watermark
              + " would move readers back in time: choose a watermark at or after "
              + new Watermark(published.get().watermark()));
    }
  }

  private long rebuildSpeedSide(
      Watermark watermark,
      RunOutputs outputs,
      Dataset<Row> speedLedger,
      Dataset<CitizenFirings> speedFirings) {
    stores.write(
        "speed_view",
        SpeedSideRebuild.speedView(speedFirings, stores.speedViewCitizens(), watermark));
    Dataset<Row> ruleState =
        SpeedSideRebuild.ruleState(
                outputs.batchRuleState().drop("run_id"), speedLedger, clock.millis())
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> stale =
        SpeedSideRebuild.staleRuleStateKeys(stores.ruleStateKeys(), ruleState).localCheckpoint();
    stores.write("rule_state", ruleState);
    stores.delete("rule_state", stale);
    ruleState.unpersist();
    return speedLedger.count();
  }
}
