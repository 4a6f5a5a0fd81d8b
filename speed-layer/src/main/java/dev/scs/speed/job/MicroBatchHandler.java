package dev.scs.speed.job;

import dev.scs.speed.scoring.BatchInputs;
import dev.scs.speed.scoring.MicroBatchOutcome;
import dev.scs.speed.scoring.MicroBatchScorer;
import dev.scs.speed.scoring.RecordingLookups;
import dev.scs.speed.scoring.RefreshingRules;
import dev.scs.speed.source.IncomingRecord;
import dev.scs.speed.source.IncomingRecords;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of {@code foreachBatch}, run on the driver once per micro-batch.
 *
 * <p>Spark re-runs a micro-batch, with the same records and the same batch id, when it stopped
 * before writing the batch's commit. The stores may then hold part of the first attempt's writes,
 * so the scorer must not read them again: the first attempt journals every answer it got (rules,
 * registry, claims, state) before writing any sink, and a re-run scores from the journal. The
 * outcome is then equal, and each sink, idempotent, rewrites it harmlessly; a sink that finished
 * the batch before the crash is skipped altogether (its marker in the checkpoint says so). The
 * sinks write in parallel ({@link ParallelSinks}). Once all are written, the ingestion floor
 * records the micro-batch as committed ({@link IngestionFloor}), for the batch layer's hand-over.
 *
 * <p>It is never serialized: Spark calls foreachBatch functions on the driver.
 */
final class MicroBatchHandler implements VoidFunction2<Dataset<Row>, Long> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(MicroBatchHandler.class);

  private final transient SpeedLayerPorts ports;
  private final transient RefreshingRules rules;
  private final transient CheckpointFiles checkpointFiles;
  private final transient IngestionFloor floor;
  private final transient List<MicroBatchObserver> observers;
  private final transient MicroBatchScorer scorer = new MicroBatchScorer();
  private final transient ParallelSinks sinks;

  MicroBatchHandler(
      SpeedLayerPorts ports,
      RefreshingRules rules,
      CheckpointFiles checkpointFiles,
      IngestionFloor floor,
      List<MicroBatchObserver> observers) {
    this.ports = ports;
    this.rules = rules;
    this.checkpointFiles = checkpointFiles;
    this.floor = floor;
    this.observers = List.copyOf(observers);
    this.sinks = new ParallelSinks(ports.sinks(), checkpointFiles);
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) {
    long reading = System.nanoTime();
    List<IncomingRecord> records = IncomingRecords.collect(batch);
    if (records.isEmpty()) {
      return;
    }
    Map<String, Long> millisByStep = new LinkedHashMap<>();
    long started = System.nanoTime();
    millisByStep.put("read", (started - reading) / 1_000_000);
    long lookupMillis = 0;
    Optional<BatchInputs> journaled = checkpointFiles.journaled(batchId);
    MicroBatchOutcome outcome;
    if (journaled.isPresent()) {
      LOG.info("micro-batch {} is a re-run: scoring it from its journaled inputs", batchId);
      floor.resume(journaled.get().ingestionFloor());
      outcome = scorer.score(batchId, records, journaled.get().replay());
    } else {
      RecordingLookups lookups =
          new RecordingLookups(
              rules, ports.citizens(), ports.claims(), ports.states(), floor.begin());
      outcome = scorer.score(batchId, records, lookups);
      checkpointFiles.journal(batchId, lookups.recorded());
      lookupMillis = lookups.millisAsking();
    }
    millisByStep.put("lookups", lookupMillis);
    millisByStep.put("score", (System.nanoTime() - started) / 1_000_000 - lookupMillis);
    millisByStep.putAll(sinks.write(outcome));
    CrashPoint.afterSinks(batchId);
    floor.committed();
    checkpointFiles.forgetBefore(batchId - CheckpointFiles.RETAINED_BATCHES);
    for (MicroBatchObserver observer : observers) {
      observer.onWritten(outcome, journaled.isPresent(), rules.refusals(), millisByStep);
    }
  }
}
