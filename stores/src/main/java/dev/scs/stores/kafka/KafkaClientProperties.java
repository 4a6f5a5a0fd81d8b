package dev.scs.stores.kafka;

import dev.scs.stores.StoreSettings;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Client settings the project agrees on, built from the store settings. */
public final class KafkaClientProperties {
  private KafkaClientProperties() {}

  /** An admin client that gives up within seconds, so a stopped broker is reported quickly. */
  public static Properties admin(StoreSettings settings) {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    return properties;
  }

  /**
   * A producer of string keys and values with {@code acks=all} and idempotence: no record is lost
   * or written twice by a retry, and records of one key stay in the order they were sent. Batches
   * are large and LZ4-compressed because events are small and many.
   */
  public static Properties idempotentProducer(StoreSettings settings) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Idempotence keeps per-partition order with up to five requests in flight.
    properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // A stopped broker fails the first send within this time instead of the default minute.
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    return properties;
  }
}
