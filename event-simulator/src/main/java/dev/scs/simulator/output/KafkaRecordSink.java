package dev.scs.simulator.output;

import dev.scs.stores.StoreSettings;
import dev.scs.stores.StoreUnavailableException;
import dev.scs.stores.kafka.KafkaClientProperties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Sends records to a topic with the project's idempotent producer ({@code acks=all}): records of
 * one key keep their order, and a retry never writes a record twice. The first failure stops the
 * run at the next send or at close.
 */
public final class KafkaRecordSink implements RecordSink {
  private final StoreSettings settings;
  private final String topic;
  private final KafkaProducer<String, String> producer;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicLong acknowledged = new AtomicLong();

  public KafkaRecordSink(StoreSettings settings, String topic) {
    this.settings = settings;
    this.topic = topic;
    this.producer = new KafkaProducer<>(KafkaClientProperties.idempotentProducer(settings));
  }

  @Override
  public void send(String key, String value) {
    throwIfFailed();
    try {
      producer.send(
          new ProducerRecord<>(topic, key, value),
          (metadata, exception) -> {
            if (exception != null) {
              failure.compareAndSet(null, exception);
            } else {
              acknowledged.incrementAndGet();
            }
          });
    } catch (TimeoutException e) {
      throw unavailable(e);
    }
  }

  /** Records the broker has acknowledged so far. */
  public long acknowledged() {
    return acknowledged.get();
  }

  @Override
  public String destination() {
    return "topic " + topic;
  }

  @Override
  public void close() {
    try {
      producer.flush();
    } finally {
      producer.close();
    }
    throwIfFailed();
  }

  private void throwIfFailed() {
    Exception exception = failure.get();
    if (exception instanceof TimeoutException timeout) {
      throw unavailable(timeout);
    }
    if (exception != null) {
      throw new KafkaException(
          "the broker refused a record of topic " + topic + ": " + exception.getMessage(),
          exception);
    }
  }

  private StoreUnavailableException unavailable(Exception e) {
    return new StoreUnavailableException(
        "Kafka", settings.kafkaBootstrapServers(), StoreSettings.KAFKA_BOOTSTRAP_SERVERS, e);
  }
}
