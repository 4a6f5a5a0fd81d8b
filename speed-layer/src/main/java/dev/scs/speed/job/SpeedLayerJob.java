package dev.scs.speed.job;

import dev.scs.speed.scoring.RefreshingRules;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The speed layer as a Spark Structured Streaming query: records of the event topic in, every store
 * out, through {@code foreachBatch}. It takes its source and its stores as arguments, so that
 * {@code main} plugs in Kafka and the real stores and a test plugs in a MemoryStream and in-memory
 * ones.
 *
 * @see MicroBatchHandler for what one micro-batch does and why a re-run of it is harmless
 */
public final class SpeedLayerJob {
  private final Dataset<Row> source;
  private final SpeedLayerPorts ports;
  private final StreamSettings settings;
  private final List<MicroBatchObserver> observers;
  private final RefreshingRules rules;
  private final Clock clock;

  /**
   * @param source rows with the Kafka source's columns key, value, topic, partition, offset and
   *     timestamp
   */
  public SpeedLayerJob(
      Dataset<Row> source,
      SpeedLayerPorts ports,
      StreamSettings settings,
      List<MicroBatchObserver> observers) {
    this(source, ports, settings, observers, Clock.systemUTC());
  }

  /**
   * @param clock caps how far the ingestion floor may move ({@link IngestionFloor})
   */
  public SpeedLayerJob(
      Dataset<Row> source,
      SpeedLayerPorts ports,
      StreamSettings settings,
      List<MicroBatchObserver> observers,
      Clock clock) {
    this.source = source;
    this.ports = ports;
    this.settings = settings;
    this.observers = List.copyOf(observers);
    this.rules = new RefreshingRules(ports.rules());
    this.clock = clock;
  }

  /** Checks the rules, then starts the query; it runs until stopped or until a batch fails. */
  public StreamingQuery start() throws TimeoutException {
    // Fails now, with the rule and field named, rather than inside the first micro-batch.
    rules.current();
    CheckpointFiles checkpointFiles =
        new CheckpointFiles(
            source.sparkSession().sparkContext().hadoopConfiguration(),
            settings.checkpointLocation());
    IngestionFloor floor = new IngestionFloor(ports.progress(), clock);
    MicroBatchHandler handler =
        new MicroBatchHandler(ports, rules, checkpointFiles, floor, observers);
    ProgressHeartbeat heartbeat = new ProgressHeartbeat(floor);
    source.sparkSession().streams().addListener(heartbeat);
    StreamingQuery query =
        source
            .writeStream()
            .queryName(settings.queryName())
            .option("checkpointLocation", settings.checkpointLocation())
            .trigger(
                settings.availableNow()
                    ? Trigger.AvailableNow()
                    : Trigger.ProcessingTime(settings.triggerInterval().toMillis()))
            .foreachBatch(handler)
            .start();
    heartbeat.belongsTo(query.runId());
    return query;
  }

  /** How many distinct rule or config texts were refused since the job started. */
  public long rulesRefused() {
    return rules.refusals();
  }
}
