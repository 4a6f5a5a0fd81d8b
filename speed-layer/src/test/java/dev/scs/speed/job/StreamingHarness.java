package dev.scs.speed.job;

import dev.scs.speed.fakes.InMemoryRuleSource;
import dev.scs.speed.fakes.InMemoryStores;
import dev.scs.speed.fakes.KafkaLikeRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The speed-layer job on a MemoryStream and in-memory stores, with a checkpoint in a temporary
 * folder. Each {@link #feed} is one micro-batch; {@link #restart} starts a new query on the same
 * checkpoint, as a restarted process would.
 */
final class StreamingHarness implements AutoCloseable {
  private static int nextStreamId = 1;

  final InMemoryStores stores;
  final InMemoryRuleSource rules;
  final Path checkpoint;
  private final MemoryStream<KafkaLikeRecord> stream;
  private SpeedLayerJob job;
  private StreamingQuery query;
  private List<MicroBatchObserver> observers = List.of();

  StreamingHarness(
      SparkSession spark, InMemoryStores stores, InMemoryRuleSource rules, Path checkpoint) {
    this.stores = stores;
    this.rules = rules;
    this.checkpoint = checkpoint;
    this.stream =
        new MemoryStream<>(
            nextStreamId(),
            spark.sqlContext(),
            Option.apply(2),
            Encoders.bean(KafkaLikeRecord.class));
  }

  private static synchronized int nextStreamId() {
    return nextStreamId++;
  }

  StreamingHarness start() throws TimeoutException {
    SpeedLayerPorts ports =
        new SpeedLayerPorts(
            rules,
            stores,
            stores,
            stores,
            stores,
            List.of(stores.stateSink(), stores.scoreSink(), stores.deadLetterSink()));
    job =
        new SpeedLayerJob(
            stream.toDF(),
            ports,
            new StreamSettings(
                "speed-layer-test", checkpoint.toString(), Duration.ofMillis(100), false),
            observers);
    query = job.start();
    return this;
  }

  /** Observers for the job that {@link #start} starts next. */
  StreamingHarness observedBy(MicroBatchObserver... observers) {
    this.observers = List.of(observers);
    return this;
  }

  /** Adds the records as one micro-batch and waits until every sink wrote it. */
  StreamingHarness feed(List<KafkaLikeRecord> records) {
    stream.addData(CollectionConverters.asScala(records).toSeq());
    query.processAllAvailable();
    return this;
  }

  void stop() throws TimeoutException {
    query.stop();
  }

  StreamingHarness restart() throws TimeoutException {
    stop();
    return start();
  }

  SpeedLayerJob job() {
    return job;
  }

  @Override
  public void close() throws TimeoutException {
    if (query != null && query.isActive()) {
      query.stop();
    }
  }
}
