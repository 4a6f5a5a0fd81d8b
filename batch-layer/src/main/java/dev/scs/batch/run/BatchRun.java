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
import dev.scs.batch.spark.ShufflePartitions;
import dev.scs.batch.speed.SpeedLedgerTable;
import dev.scs.batch.store.BatchStores;
import dev.scs.batch.store.CitizenDirectory;
import dev.scs.batch.store.CitizenGraph;
import dev.scs.batch.store.PublishedRun;
import dev.scs.batch.store.RunRecord;
import dev.scs.batch.view.BatchRunTables;
import dev.scs.batch.view.CitizenView;
import java.time.Clock;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * One batch run for a watermark W (contract, section 7): wait until the speed layer has archived
 * every event ingested before W, recompute those events in canonical order, check the counts, write
 * the run, publish it with one write, then reconcile MongoDB's citizens to it and set the citizens'
 * nodes in Dgraph to its batch score and graph metrics.
 *
 * <p>The run writes no table of the speed layer (speed_view, rule_state, ledger): the speed layer
 * rebases each citizen on the published run itself, at the first micro-batch that touches it
 * (batch-layer/README.md, "Hand-over between the batch and speed layers").
 *
 * <p>Nothing a reader uses changes before {@link BatchStores#publish}: the run's rows are keyed by
 * its run id, and readers look up the published run first. A run that fails earlier leaves the
 * previous run published and can simply be run again; the run id is derived from W, so a re-run
 * writes the same rows. A failure after the publish (MongoDB, the lake's retention, Dgraph) leaves
 * the run published, its {@code batch_runs} status {@code published} rather than {@code
 * reconciled}, and says to run W again, which finishes it.
 *
 * <p>Sources and sinks come in through the constructor, so the whole run is tested on local[2] with
 * in-memory tables, and on the local stack with the real ones.
 */
public final class BatchRun {
  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  private final ScoringInputs inputs;
  private final BatchStores stores;
  private final CitizenDirectory citizens;
  private final Lake lake;
  private final BatchRunSettings settings;
  private final Clock clock;
  private final RunProgress progress;
  private final SpeedLayerHandOver handOver;
  private final AfterPublish afterPublish;

  public BatchRun(
      ScoringInputs inputs,
      BatchStores stores,
      CitizenDirectory citizens,
      CitizenGraph graph,
      Lake lake,
      BatchRunSettings settings,
      Clock clock,
      RunProgress progress) {
    this(
        inputs,
        stores,
        citizens,
        graph,
        lake,
        settings,
        clock,
        progress,
        Clock.systemUTC(),
        duration -> Thread.sleep(duration.toMillis()));
  }

  /**
   * @param waitClock times the wait for the speed layer (the run's clock gives its instants, and a
   *     test may fix it)
   * @param sleeper waits between polls of the speed layer's progress
   */
  BatchRun(
      ScoringInputs inputs,
      BatchStores stores,
      CitizenDirectory citizens,
      CitizenGraph graph,
      Lake lake,
      BatchRunSettings settings,
      Clock clock,
      RunProgress progress,
      Clock waitClock,
      SpeedLayerHandOver.Sleeper sleeper) {
    this.handOver = new SpeedLayerHandOver(stores, waitClock, sleeper, progress);
    this.inputs = inputs;
    this.stores = stores;
    this.citizens = citizens;
    this.lake = lake;
    this.settings = settings;
    this.clock = clock;
    this.progress = progress;
    this.afterPublish = new AfterPublish(inputs, citizens, graph, lake, settings, clock, progress);
  }

  public BatchRunReport run(Watermark watermark) {
    String runId = watermark.runId();
    long startedAt = clock.millis();
    refuseToGoBackInTime(watermark);
    progress.say("run " + runId + ": events ingested before " + watermark);

    // MongoDB first: the scores stored now are what the reconcile may replace (see
    // MongoCitizenDirectory), so they must be read before the speed ledger is.
    Dataset<Row> registered = citizens.citizens().persist(StorageLevel.MEMORY_AND_DISK());
    if (settings.waitsForSpeedLayer()) {
      try {
        handOver.await(watermark, handOver.current(), settings.speedLayerWait());
      } catch (RuntimeException e) {
        registered.unpersist();
        throw e;
      }
    }

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
    // The ledger before the archive: the speed layer archives a micro-batch's events before it
    // writes their firings, so every speed firing read here has its event in the archive read next.
    long archivedRows =
        progress.step(
            "read archive",
            () -> {
              speedLedger.count();
              long rows = archive.count();
              speedArchive.count();
              return rows;
            });
    SparkSession spark = archive.sparkSession();
    String sessionPartitions = spark.conf().get(SHUFFLE_PARTITIONS);
    ShufflePartitions.Choice shuffle =
        settings.shufflePartitions().choose(archivedRows, Integer.parseInt(sessionPartitions));
    // Read when each query is planned, so it holds for every shuffle from the replay on; the
    // scans and caches above have none.
    spark.conf().set(SHUFFLE_PARTITIONS, shuffle.partitions());
    progress.say(shuffle.describe());
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
            new RunOutputs(result, views, watermark, registered, lake, settings, inputs);
        RunRecord record = writeAndPublish(outputs, summary, watermark, startedAt);
        AfterPublish.Outcome followed =
            afterPublish.follow(result, speedLedger, registered, watermark);
        stores.recordRun(record.withStatus(RunRecord.RECONCILED, clock.millis()));
        return new BatchRunReport(
            runId,
            watermark,
            summary,
            quality,
            followed.speedFirings(),
            followed.reconciliation(),
            followed.graphNodes(),
            progress.millisByStep());
      } finally {
        views.unpersist();
      }
    } finally {
      // the session may run more than this run (a test's, a notebook's): leave it as it was
      spark.conf().set(SHUFFLE_PARTITIONS, sessionPartitions);
      registered.unpersist();
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
}
