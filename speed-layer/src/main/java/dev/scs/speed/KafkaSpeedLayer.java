package dev.scs.speed;

import dev.scs.speed.job.MicroBatchObserver;
import dev.scs.speed.job.SpeedLayerJob;
import dev.scs.speed.job.SpeedLayerPorts;
import dev.scs.speed.job.StreamSettings;
import dev.scs.speed.metrics.InfluxMetricsReporter;
import dev.scs.speed.metrics.PipelineMetrics;
import dev.scs.speed.metrics.PrometheusExposition;
import dev.scs.speed.metrics.PrometheusTextFile;
import dev.scs.speed.source.KafkaEventSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * The job with its real source, stores and metrics plugged in: the event topic in, every store out,
 * each micro-batch's metrics to InfluxDB, a Prometheus text file and {@link #exposition()}. Close
 * it once the query ended, to unregister the metrics listener.
 */
public final class KafkaSpeedLayer implements AutoCloseable {
  public static final String QUERY_NAME = "scs-speed-layer";

  private final SparkSession spark;
  private final SpeedLayerJob job;
  private final PipelineMetrics metrics;
  private final PrometheusExposition exposition = new PrometheusExposition();

  public KafkaSpeedLayer(
      SparkSession spark,
      SpeedLayerConfig config,
      SpeedLayerStores stores,
      Clock clock,
      boolean availableNow) {
    this(spark, config, stores, stores.ports(clock), availableNow, List.of());
  }

  /**
   * @param ports the stores' ports, as {@link SpeedLayerStores#ports} gives them or a subset
   * @param availableNow process what the topic holds now, then stop, instead of running on
   * @param observers told about each micro-batch besides the metrics (a benchmark's clock)
   */
  public KafkaSpeedLayer(
      SparkSession spark,
      SpeedLayerConfig config,
      SpeedLayerStores stores,
      SpeedLayerPorts ports,
      boolean availableNow,
      List<MicroBatchObserver> observers) {
    this.spark = spark;
    this.metrics =
        new PipelineMetrics(
            QUERY_NAME,
            List.of(
                new PrometheusTextFile(Path.of(config.metricsFile()), exposition),
                new InfluxMetricsReporter(
                    stores.influxdb(),
                    config.stores().influxdbOrg(),
                    stores.bucket(SpeedLayerStores.PIPELINE_BUCKET))));
    this.job =
        new SpeedLayerJob(
            KafkaEventSource.read(
                spark,
                config.stores().kafkaBootstrapServers(),
                config.eventsTopic(),
                config.startingOffsets(),
                config.maxOffsetsPerTrigger()),
            ports,
            new StreamSettings(
                QUERY_NAME, config.checkpointLocation(), config.triggerInterval(), availableNow),
            Stream.concat(Stream.of(metrics), observers.stream()).toList());
  }

  /** The metrics in Prometheus' text format, for an endpoint to serve. */
  public PrometheusExposition exposition() {
    return exposition;
  }

  public StreamingQuery start() throws TimeoutException {
    spark.streams().addListener(metrics);
    return job.start();
  }

  @Override
  public void close() {
    spark.streams().removeListener(metrics);
  }
}
