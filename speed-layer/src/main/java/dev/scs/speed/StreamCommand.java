package dev.scs.speed;

import java.time.Clock;
import java.util.concurrent.Callable;
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
      StreamingQuery query = speedLayer.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(query)));
      LOG.info(
          "streaming {} from {} (checkpoint {})",
          config.eventsTopic(),
          config.stores().kafkaBootstrapServers(),
          config.checkpointLocation());
      try {
        query.awaitTermination();
      } catch (StreamingQueryException failed) {
        throw new IllegalStateException(
            "the stream stopped: " + rootMessage(failed) + "; restart it to resume", failed);
      }
    }
    return CommandLine.ExitCode.OK;
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
