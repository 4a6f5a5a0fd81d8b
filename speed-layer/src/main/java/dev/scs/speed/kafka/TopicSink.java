package dev.scs.speed.kafka;

import dev.scs.speed.port.OutcomeSink;
import dev.scs.speed.scoring.MicroBatchOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends records of a micro-batch to a topic and waits until the broker has them all.
 *
 * <p>A topic only appends: when Spark re-runs a micro-batch whose records this sink sent but whose
 * completion was not recorded, they are sent again. Each record says which one it is (a dead letter
 * its source coordinates, a score update its citizen and score), so readers recognise the repeat;
 * the window is the time between the broker's acknowledgement and the sink's marker.
 */
public final class TopicSink<T> implements OutcomeSink {
  private final String name;
  private final Producer<byte[], byte[]> producer;
  private final Function<MicroBatchOutcome, List<T>> items;
  private final BiFunction<String, T, ProducerRecord<byte[], byte[]>> toRecord;
  private final String topic;

  private TopicSink(
      String name,
      Producer<byte[], byte[]> producer,
      String topic,
      Function<MicroBatchOutcome, List<T>> items,
      BiFunction<String, T, ProducerRecord<byte[], byte[]>> toRecord) {
    this.name = name;
    this.producer = producer;
    this.topic = topic;
    this.items = items;
    this.toRecord = toRecord;
  }

  /** Rejected records to the dead-letter topic. */
  public static TopicSink<?> deadLetters(Producer<byte[], byte[]> producer, String topic) {
    return new TopicSink<>(
        "dead-letters", producer, topic, MicroBatchOutcome::rejects, TopicRecords::deadLetter);
  }

  /** Each touched citizen's new score to the score-updates topic. */
  public static TopicSink<?> scoreUpdates(Producer<byte[], byte[]> producer, String topic) {
    return new TopicSink<>(
        "score-updates", producer, topic, MicroBatchOutcome::citizens, TopicRecords::scoreUpdate);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void write(MicroBatchOutcome outcome) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (T item : items.apply(outcome)) {
      sent.add(producer.send(toRecord.apply(topic, item)));
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> future : sent) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending to " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "sending to topic " + topic + " failed: " + e.getCause().getMessage(), e.getCause());
    }
  }
}
