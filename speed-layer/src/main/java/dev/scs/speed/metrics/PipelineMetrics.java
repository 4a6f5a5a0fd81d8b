package dev.scs.speed.metrics;

import dev.scs.speed.job.MicroBatchObserver;
import dev.scs.speed.scoring.MicroBatchOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins, per micro-batch, what the speed layer counted while writing it with what Spark reports
 * once it is committed, and hands the result to the reporters. Register it both as the job's
 * observer and as a listener of the SparkSession's streams.
 */
public final class PipelineMetrics extends StreamingQueryListener implements MicroBatchObserver {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineMetrics.class);

  private final String queryName;
  private final List<MetricsReporter> reporters;
  private final Map<Long, Counted> countedByBatch = new ConcurrentHashMap<>();

  private record Counted(
      long accepted,
      long firings,
      Map<String, Long> rejectsByReason,
      long rulesRefused,
      boolean replayed,
      Map<String, Long> millisByStep) {}

  public PipelineMetrics(String queryName, List<MetricsReporter> reporters) {
    this.queryName = queryName;
    this.reporters = List.copyOf(reporters);
  }

  @Override
  public void onWritten(
      MicroBatchOutcome outcome,
      boolean replayed,
      long rulesRefused,
      Map<String, Long> millisByStep) {
    countedByBatch.put(
        outcome.batchId(),
        new Counted(
            outcome.accepted().size(),
            outcome.firings().size(),
            outcome.rejectsByReason(),
            rulesRefused,
            replayed,
            millisByStep));
  }

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress progress = event.progress();
    if (!queryName.equals(progress.name())) {
      return;
    }
    Counted counted = countedByBatch.remove(progress.batchId());
    if (counted == null && progress.numInputRows() == 0) {
      return; // an idle report between batches: no batch ran
    }
    Counted known = counted != null ? counted : new Counted(0, 0, Map.of(), 0, false, Map.of());
    Long duration = progress.durationMs().get("triggerExecution");
    MicroBatchMetrics metrics =
        new MicroBatchMetrics(
            progress.batchId(),
            Instant.parse(progress.timestamp()).toEpochMilli() + (duration == null ? 0 : duration),
            progress.numInputRows(),
            finite(progress.inputRowsPerSecond()),
            finite(progress.processedRowsPerSecond()),
            duration == null ? progress.batchDuration() : duration,
            lag(progress.sources()),
            known.accepted(),
            known.firings(),
            known.rejectsByReason(),
            known.rulesRefused(),
            known.replayed(),
            known.millisByStep());
    for (MetricsReporter reporter : reporters) {
      try {
        reporter.report(metrics);
      } catch (RuntimeException e) {
        LOG.warn(
            "could not report the metrics of micro-batch {}: {}",
            metrics.batchId(),
            e.getMessage());
      }
    }
  }

  private static long lag(SourceProgress[] sources) {
    long lag = 0;
    for (SourceProgress source : sources) {
      long sourceLag = KafkaLag.between(source.endOffset(), source.latestOffset());
      if (sourceLag < 0) {
        return -1;
      }
      lag += sourceLag;
    }
    return sources.length == 0 ? -1 : lag;
  }

  private static double finite(double rate) {
    return Double.isFinite(rate) ? rate : 0.0;
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {}
}
