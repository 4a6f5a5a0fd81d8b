package dev.scs.speed;

import dev.scs.speed.metrics.MetricsEndpoint;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stream}: the speed layer, from the event topic to every store, until stopped. */
@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = {
      "Consume the event topic and write every store, until stopped (Ctrl-C).",
      "Settings are -Dkey=value JVM options; `speed-layer config` lists them."
    })
final class StreamCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(StreamCommand.class);

  @Option(
      names = "--available-now",
      description = "Process what the topic holds now, in micro-batches, then stop.")
  private boolean availableNow;

  @Override
  public Integer call() throws Exception {
    SpeedLayerConfig config = SpeedLayerConfig.fromSystemProperties();
    try (SpeedLayerStores stores = SpeedLayerStores.open(config)) {
      SparkSession spark = SparkSessions.forStreaming();
      KafkaSpeedLayer speedLayer =
          new KafkaSpeedLayer(spark, config, stores, Clock.systemUTC(), availableNow);
      AtomicReference<StreamingQuery> running = new AtomicReference<>();
      // bound before the stream starts, so that a taken port stops nothing half-way
      try (MetricsEndpoint endpoint =
          metricsEndpoint(
              config, speedLayer, () -> running.get() != null && running.get().isActive())) {
        StreamingQuery query = speedLayer.start();
        running.set(query);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(query)));
        LOG.info(
            "streaming {} from {} (checkpoint {})",
            config.eventsTopic(),
            config.stores().kafkaBootstrapServers(),
            config.checkpointLocation());
        query.awaitTermination();
      } catch (StreamingQueryException failed) {
        throw new IllegalStateException(
            "the stream stopped: " + rootMessage(failed) + "; restart it to resume", failed);
      } finally {
        speedLayer.close();
      }
    }
    return CommandLine.ExitCode.OK;
  }

  /** The /metrics and /health endpoint, or null when speed.metrics-address is off. */
  private static MetricsEndpoint metricsEndpoint(
      SpeedLayerConfig config, KafkaSpeedLayer speedLayer, BooleanSupplier streaming) {
    if (config.metricsAddress().isEmpty()) {
      LOG.info("metrics endpoint off ({}=off)", SpeedLayerConfig.METRICS_ADDRESS);
      return null;
    }
    MetricsEndpoint endpoint =
        MetricsEndpoint.start(config.metricsAddress().get(), speedLayer.exposition(), streaming);
    LOG.info(
        "serving metrics on http://{}:{}/metrics and /health",
        endpoint.address().getHostString(),
        endpoint.address().getPort());
    return endpoint;
  }

  private static void stopQuietly(StreamingQuery query) {
    try {
      if (query.isActive()) {
        query.stop();
      }
    } catch (Exception ignored) {
      // The JVM is exiting; the checkpoint makes the next start resume where this one stopped.
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
