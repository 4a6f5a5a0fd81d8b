package dev.scs.batch.run;

import dev.scs.batch.graph.CitizenNodeValues;
import dev.scs.batch.graph.CitizenNodes;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.recompute.RecomputeResult;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.batch.speed.CitizenFirings;
import dev.scs.batch.speed.SpeedLedgerTable;
import dev.scs.batch.store.CitizenDirectory;
import dev.scs.batch.store.CitizenGraph;
import dev.scs.batch.view.ServedScore;
import dev.scs.batch.view.ServedScores;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * What a run does once it is published, so that the stores that cache scores follow it: MongoDB's
 * citizens, the lake's retention, Dgraph's citizen nodes. None of it can un-publish the run.
 */
final class AfterPublish {
  private final ScoringInputs inputs;
  private final CitizenDirectory citizens;
  private final CitizenGraph graph;
  private final Lake lake;
  private final BatchRunSettings settings;
  private final Clock clock;
  private final RunProgress progress;

  AfterPublish(
      ScoringInputs inputs,
      CitizenDirectory citizens,
      CitizenGraph graph,
      Lake lake,
      BatchRunSettings settings,
      Clock clock,
      RunProgress progress) {
    this.inputs = inputs;
    this.citizens = citizens;
    this.graph = graph;
    this.lake = lake;
    this.settings = settings;
    this.clock = clock;
    this.progress = progress;
  }

  /**
   * Reconciles MongoDB to the published run, applies the lake's retention and sets the citizens'
   * nodes in Dgraph. Each step replaces what it writes, so a failure here is repaired by running W
   * again; until then the run stays published and its record says {@code published}.
   */
  Outcome follow(
      RecomputeResult result,
      Dataset<Row> speedLedger,
      Dataset<Row> registered,
      Watermark watermark) {
    Optional<CitizenDirectory.Reconciliation> reconciliation = Optional.empty();
    OptionalLong graphNodes = OptionalLong.empty();
    if (settings.reconcileCitizens()) {
      reconciliation =
          Optional.of(
              step(
                  watermark,
                  "reconcile MongoDB citizens",
                  "reconciling MongoDB to it",
                  () -> reconcile(result, speedLedger, registered, watermark)));
    }
    step(
        watermark,
        "lake retention",
        "applying the lake's retention",
        () -> lake.applyRetention(watermark, settings.lakeRetentionMillis(), watermark.runId()));
    if (settings.reconcileCitizens()) {
      graphNodes =
          OptionalLong.of(
              step(
                  watermark,
                  "write Dgraph citizen nodes",
                  "writing batch scores and graph metrics to Dgraph",
                  () -> writeGraph(result, watermark)));
    }
    return new Outcome(speedLedger.count(), reconciliation, graphNodes);
  }

  /**
   * Runs one step after the publish. A failure does not touch the published run: it is said in the
   * log and thrown as one line that tells how to finish (exit code 1), and the run's record keeps
   * the status {@code published}.
   */
  private <T> T step(Watermark watermark, String step, String doing, Supplier<T> work) {
    try {
      return progress.step(step, work);
    } catch (Exception e) { // Spark's job failures are checked exceptions thrown unchecked
      String failure =
          "run "
              + watermark.runId()
              + " is published, but "
              + doing
              + " failed ("
              + rootMessage(e)
              + "); its batch_runs status stays published: run again with --watermark "
              + watermark
              + " to finish";
      progress.say(failure);
      throw new IllegalStateException(failure, e);
    }
  }

  /** The first line of the innermost message: a Spark job failure's own is pages long. */
  private static String rootMessage(Throwable e) {
    String message = e.getClass().getSimpleName();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
    }
    return message.lines().findFirst().orElse(message).strip();
  }

  /**
   * Sets every citizen's node to the run's score at W and to the lake's graph metrics, read back
   * from the run's partition so that Dgraph and the lake hold the same numbers.
   */
  private long writeGraph(RecomputeResult result, Watermark watermark) {
    Dataset<CitizenNodeValues> nodes =
        CitizenNodes.of(
                result.outcomes(),
                lake.readRunTable(Lake.GRAPH_METRICS, watermark.runId()),
                result.accepted())
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return graph.write(nodes);
    } finally {
      nodes.unpersist();
    }
  }

  /** Writes the served scores that differ from the stored ones. */
  private CitizenDirectory.Reconciliation reconcile(
      RecomputeResult result,
      Dataset<Row> speedLedger,
      Dataset<Row> registered,
      Watermark watermark) {
    Dataset<CitizenFirings> speedFirings =
        SpeedLedgerTable.byCitizen(speedLedger).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<ServedScore> served =
        ServedScores.at(result.outcomes(), speedFirings, watermark, clock.millis(), inputs)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<ServedScore> changed =
          ServedScores.changed(served, registered).persist(StorageLevel.MEMORY_AND_DISK());
      long unchanged = served.count() - changed.count();
      CitizenDirectory.Reconciliation written = citizens.reconcile(changed);
      changed.unpersist();
      return written.withUnchanged(unchanged);
    } finally {
      served.unpersist();
      speedFirings.unpersist();
    }
  }

  /**
   * @param graphNodes citizens whose Dgraph nodes were written; empty when the run reconciles
   *     nothing ({@code batch.reconcile-citizens=false})
   */
  record Outcome(
      long speedFirings,
      Optional<CitizenDirectory.Reconciliation> reconciliation,
      OptionalLong graphNodes) {}
}
