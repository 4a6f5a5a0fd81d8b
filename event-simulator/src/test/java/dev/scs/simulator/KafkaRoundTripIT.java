package dev.scs.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The simulator's producer settings must reach the broker and come back unchanged. */
@RequiresLocalStack(Service.KAFKA)
class KafkaRoundTripIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void aRecordProducedWithTheCitizenIdAsKeyIsConsumedWithItsKeyAndValue(
      LocalStackAddresses addresses) throws Exception {
    String topic = "smoke-" + UUID.randomUUID();
    SimulatorConfig config =
        SimulatorConfig.from(
            Map.of(
                SimulatorConfig.KAFKA_BOOTSTRAP_SERVERS,
                addresses.kafka().toString(),
                SimulatorConfig.KAFKA_EVENTS_TOPIC,
                topic));
    String event = "{\"citizen_id\":\"citizen-1\",\"type\":\"smoke\"}";

    try (Admin admin = Admin.create(adminProperties(config))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      try {
        RecordMetadata written;
        try (KafkaProducer<String, String> producer =
            new KafkaProducer<>(producerProperties(config))) {
          written = producer.send(new ProducerRecord<>(topic, "citizen-1", event)).get();
        }

        List<ConsumerRecord<String, String>> read = readAll(config, written.offset() + 1);

        assertThat(read).hasSize(1);
        assertThat(read.get(0).key()).isEqualTo("citizen-1");
        assertThat(read.get(0).value()).isEqualTo(event);
        assertThat(read.get(0).offset()).isEqualTo(written.offset());
      } finally {
        admin.deleteTopics(List.of(topic)).all().get();
      }
    }
  }

  private static List<ConsumerRecord<String, String>> readAll(
      SimulatorConfig config, long endOffset) {
    TopicPartition partition = new TopicPartition(config.kafkaEventsTopic(), 0);
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(config))) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      Instant deadline = Instant.now().plus(DEADLINE);
      while (consumer.position(partition) < endOffset && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(500)).forEach(read::add);
      }
    }
    return read;
  }

  private static Properties adminProperties(SimulatorConfig config) {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
    return properties;
  }

  private static Properties producerProperties(SimulatorConfig config) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return properties;
  }

  private static Properties consumerProperties(SimulatorConfig config) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
    properties.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return properties;
  }
}
