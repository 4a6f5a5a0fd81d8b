package dev.scs.speed.fakes;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;

/**
 * A row with the Kafka source's columns, for feeding a MemoryStream (a Java bean, so that Spark can
 * encode it).
 */
public class KafkaLikeRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  private byte[] key;
  private byte[] value;
  private String topic;
  private int partition;
  private long offset;
  private Timestamp timestamp;

  public KafkaLikeRecord() {}

  /** The first record of topic citizen-events (partition 0, offset 0). */
  public static KafkaLikeRecord first(long timestamp, String key, String value) {
    return of("citizen-events", 0, 0, timestamp, key, value);
  }

  public static KafkaLikeRecord of(
      String topic, int partition, long offset, long timestamp, String key, String value) {
    KafkaLikeRecord record = new KafkaLikeRecord();
    record.topic = topic;
    record.partition = partition;
    record.offset = offset;
    record.timestamp = new Timestamp(timestamp);
    record.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    record.value = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    return record;
  }

  public byte[] getKey() {
    return key;
  }

  public void setKey(byte[] key) {
    this.key = key;
  }

  public byte[] getValue() {
    return value;
  }

  public void setValue(byte[] value) {
    this.value = value;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public int getPartition() {
    return partition;
  }

  public void setPartition(int partition) {
    this.partition = partition;
  }

  public long getOffset() {
    return offset;
  }

  public void setOffset(long offset) {
    this.offset = offset;
  }

  public Timestamp getTimestamp() {
    return timestamp;
  }

  public void setTimestamp(Timestamp timestamp) {
    this.timestamp = timestamp;
  }
}
