package dev.scs.batch.archive;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import dev.scs.batch.recompute.IngestedRecord;
import dev.scs.batch.run.Watermark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The speed layer's event archive ({@code events_archive} in schemas/cql/keyspace.cql) as Spark
 * reads it, and the two sides of a watermark: rows ingested before W are the batch run's input,
 * rows ingested at or after W belong to the speed side (contract, section 7).
 */
public final class ArchiveTable {
  public static final String NAME = "events_archive";

  /** The table's columns as the cassandra connector reads them. */
  public static final StructType SCHEMA =
      new StructType()
          .add("citizen_id", DataTypes.StringType, false)
          .add("occurred_at", DataTypes.TimestampType, false)
          .add("event_id", DataTypes.StringType, false)
          .add("type", DataTypes.StringType, true)
          .add("source", DataTypes.StringType, true)
          .add("ingested_at", DataTypes.TimestampType, true)
          .add("raw_json", DataTypes.StringType, true)
          .add("kafka_partition", DataTypes.IntegerType, true)
          .add("kafka_offset", DataTypes.LongType, true);

  private ArchiveTable() {}

  /** The columns a run reads: all but type and source, which the raw JSON holds anyway. */
  public static Dataset<Row> scanned(Dataset<Row> archive) {
    return archive.select(
        "citizen_id", "event_id", "ingested_at", "raw_json", "kafka_partition", "kafka_offset");
  }

  public static Dataset<Row> ingestedBefore(Dataset<Row> archive, Watermark watermark) {
    return archive.filter(expr("unix_millis(ingested_at)").lt(watermark.epochMillis()));
  }

  public static Dataset<Row> ingestedFrom(Dataset<Row> archive, Watermark watermark) {
    return archive.filter(expr("unix_millis(ingested_at)").geq(watermark.epochMillis()));
  }

  /**
   * Archive rows as the recompute's input. The position in the Kafka log breaks ties between rows
   * ingested in the same millisecond; the recompute orders duplicates by ingestion time first.
   */
  public static Dataset<IngestedRecord> asIngestedRecords(Dataset<Row> rows) {
    return rows.select(
            expr("coalesce(shiftleft(cast(kafka_partition as bigint), 40) + kafka_offset, 0)")
                .as("sequence"),
            col("raw_json").as("value"),
            expr("unix_millis(ingested_at)").as("ingestedAt"))
        .as(Encoders.bean(IngestedRecord.class));
  }
}
