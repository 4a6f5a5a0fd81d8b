package dev.scs.speed.source;

import java.util.Comparator;

/**
 * One record of the event topic as the speed layer receives it: where it sits in Kafka, when it was
 * ingested (the record's timestamp, epoch ms), and its key and value bytes exactly as produced.
 */
public record IncomingRecord(
    String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {

  /**
   * Arrival order: Kafka offsets order records within a partition. A citizen's events share a
   * partition (the key is the citizen_id), so this is each citizen's arrival order.
   */
  public static final Comparator<IncomingRecord> ARRIVAL_ORDER =
      Comparator.comparing(IncomingRecord::topic)
          .thenComparingInt(IncomingRecord::partition)
          .thenComparingLong(IncomingRecord::offset);

  /** {@code topic/partition/offset}: names the record in logs and dead letters. */
  public String coordinates() {
    return topic + "/" + partition + "/" + offset;
  }
}
