package dev.scs.speed.source;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The event topic as a streaming Dataset with the Kafka source's columns. */
public final class KafkaEventSource {
  private KafkaEventSource() {}

  /**
   * @param startingOffsets earliest or latest: where a query without a checkpoint starts; with one,
   *     it continues where its checkpoint says
   */
  public static Dataset<Row> read(
      SparkSession spark,
      String bootstrapServers,
      String topic,
      String startingOffsets,
      long maxOffsetsPerTrigger) {
    return spark
        .readStream()
        .format("kafka")
        .option("kafka.bootstrap.servers", bootstrapServers)
        .option("subscribe", topic)
        .option("startingOffsets", startingOffsets)
        .option("maxOffsetsPerTrigger", maxOffsetsPerTrigger)
        .load();
  }
}
