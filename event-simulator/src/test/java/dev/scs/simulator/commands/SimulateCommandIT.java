package dev.scs.simulator.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.simulator.IsolatedSimulator;
import dev.scs.simulator.IsolatedSimulator.Run;
import dev.scs.simulator.SimulatorConfig;
import dev.scs.simulator.TopicReader;
import dev.scs.simulator.output.CitizenIdReader;
import dev.scs.stores.kafka.KafkaTopicSetup;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./scs simulate against the real broker. */
@RequiresLocalStack(Service.KAFKA)
class SimulateCommandIT {

  @Test
  void eventsGoToTheEventsTopicKeyedByTheirCitizenId(
      LocalStackAddresses addresses, @TempDir Path folder) {
    try (IsolatedSimulator simulator = new IsolatedSimulator(addresses, folder)) {
      SimulatorConfig config = simulator.config();
      KafkaTopicSetup topics = new KafkaTopicSetup(config.stores());
      topics.create(config.topics().definitions());
      try {
        Run run =
            simulator.run(
                "simulate",
                "--citizens",
                "2000",
                "--backfill",
                "7",
                "--count",
                "20000",
                "--faults",
                "unknown_citizen=0.01,schema_violation=0.01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
            .startsWith("simulate: 20,000 events to topic " + config.eventsTopic())
            .contains("unknown_citizen ", "schema_violation ");
        List<ConsumerRecord<String, String>> read =
            TopicReader.readAll(
                config.stores().kafkaBootstrapServers(), config.eventsTopic(), 20_000);
        assertThat(read).hasSize(20_000);
        assertThat(read)
            .allSatisfy(
                record ->
                    assertThat(record.key()).isEqualTo(CitizenIdReader.citizenId(record.value())));
        assertThat(read.stream().map(ConsumerRecord::partition).distinct()).hasSize(6);
      } finally {
        topics.delete(config.topics().names());
      }
    }
  }

  @Test
  void aLiveRunAtARateTakesAboutAsLongAsItShould(
      LocalStackAddresses addresses, @TempDir Path folder) {
    try (IsolatedSimulator simulator = new IsolatedSimulator(addresses, folder)) {
      SimulatorConfig config = simulator.config();
      KafkaTopicSetup topics = new KafkaTopicSetup(config.stores());
      topics.create(config.topics().definitions());
      try {
        long started = System.nanoTime();
        Run run =
            simulator.run("simulate", "--citizens", "500", "--rate", "1000", "--duration", "3s");
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("simulate: 3,000 events to topic " + config.eventsTopic());
        assertThat(seconds).isBetween(2.5, 15.0);
      } finally {
        topics.delete(config.topics().names());
      }
    }
  }
}
