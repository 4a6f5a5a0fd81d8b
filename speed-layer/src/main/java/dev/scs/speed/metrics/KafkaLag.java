package dev.scs.speed.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * Consumer lag from a Kafka source's progress: its offsets are JSON objects of topic to partition
 * to offset, and the lag is the sum over partitions of latest minus the end of the batch.
 */
final class KafkaLag {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KafkaLag() {}

  /** The lag, or -1 when either offset is missing or not in the Kafka source's form. */
  static long between(String endOffset, String latestOffset) {
    if (endOffset == null || latestOffset == null) {
      return -1;
    }
    try {
      JsonNode end = JSON.readTree(endOffset);
      JsonNode latest = JSON.readTree(latestOffset);
      if (!end.isObject() || !latest.isObject()) {
        return -1;
      }
      long lag = 0;
      for (Iterator<Map.Entry<String, JsonNode>> topics = latest.fields(); topics.hasNext(); ) {
        Map.Entry<String, JsonNode> topic = topics.next();
        for (Iterator<Map.Entry<String, JsonNode>> partitions = topic.getValue().fields();
            partitions.hasNext(); ) {
          Map.Entry<String, JsonNode> partition = partitions.next();
          long read = end.path(topic.getKey()).path(partition.getKey()).asLong(0);
          lag += Math.max(0, partition.getValue().asLong() - read);
        }
      }
      return lag;
    } catch (Exception notKafkaOffsets) {
      return -1;
    }
  }
}
