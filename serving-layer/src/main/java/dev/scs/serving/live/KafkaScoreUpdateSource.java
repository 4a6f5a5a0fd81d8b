package dev.scs.serving.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the {@code score-updates} topic from its end. The dashboard shows what happens from now on,
 * so the consumer assigns itself every partition (no consumer group, no committed offsets: each
 * serving process sees every update, and a restart starts again at the end).
 */
public final class KafkaScoreUpdateSource implements ScoreUpdateSource {
  private static final Duration RETRY_TOPIC_LOOKUP = Duration.ofSeconds(5);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private volatile boolean assigned;
  private long nextLookupNanos;

  public KafkaScoreUpdateSource(String bootstrapServers, String topic) {
    this.topic = topic;
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "scs-serving-live-feed");
    // Topics are created by ./scs setup with their partition counts; a reader never creates one.
    properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // A stopped broker should not hold the feed's thread (and its close) for a minute.
    properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    this.consumer = new KafkaConsumer<>(properties);
  }

  @Override
  public List<byte[]> poll(Duration timeout) {
    try {
      if (!assigned && !assignAtEnd()) {
        sleep(timeout);
        return List.of();
      }
      List<byte[]> values = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
        if (record.value() != null) {
          values.add(record.value());
        }
      }
      return values;
    } catch (WakeupException woken) {
      return List.of();
    }
  }

  /**
   * Assigns every partition of the topic at its end offset. A topic that does not exist yet (a
   * fresh stack, before the speed layer ran) is looked up again every few seconds.
   */
  private boolean assignAtEnd() {
    if (System.nanoTime() < nextLookupNanos) {
      return false;
    }
    List<PartitionInfo> partitions = consumer.partitionsFor(topic);
    if (partitions == null || partitions.isEmpty()) {
      nextLookupNanos = System.nanoTime() + RETRY_TOPIC_LOOKUP.toNanos();
      return false;
    }
    List<TopicPartition> assignment =
        partitions.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    consumer.assign(assignment);
    consumer.seekToEnd(assignment);
    // position() resolves the end offset now, so records produced after this call are read.
    assignment.forEach(consumer::position);
    assigned = true;
    return true;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Optional<String> waitingFor() {
    return assigned
        ? Optional.empty()
        : Optional.of("topic " + topic + " to exist (./scs setup creates it)");
  }

  @Override
  public void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }

  @Override
  public String toString() {
    return "topic " + topic;
  }
}
