package dev.scs.speed.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads the rows of a micro-batch of the Kafka source (or of anything with its columns: key, value,
 * topic, partition, offset, timestamp) into {@link IncomingRecord}s on the driver.
 */
public final class IncomingRecords {
  /** The Kafka source's columns that the speed layer reads, in this order. */
  public static final String[] COLUMNS = {
    "key", "value", "topic", "partition", "offset", "timestamp"
  };

  private IncomingRecords() {}

  public static List<IncomingRecord> collect(Dataset<Row> batch) {
    List<Row> rows = batch.selectExpr(COLUMNS).collectAsList();
    List<IncomingRecord> records = new ArrayList<>(rows.size());
    for (Row row : rows) {
      records.add(
          new IncomingRecord(
              row.getString(2),
              row.getInt(3),
              row.getLong(4),
              row.getTimestamp(5).getTime(),
              row.isNullAt(0) ? null : (byte[]) row.get(0),
              row.isNullAt(1) ? null : (byte[]) row.get(1)));
    }
    return records;
  }
}
