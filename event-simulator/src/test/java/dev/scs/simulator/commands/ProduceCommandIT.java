package dev.scs.simulator.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.simulator.IsolatedSimulator;
import dev.scs.simulator.IsolatedSimulator.Run;
import dev.scs.simulator.SimulatorConfig;
import dev.scs.simulator.TopicReader;
import dev.scs.stores.kafka.KafkaTopicSetup;
import dev.scs.stores.kafka.TopicDefinition;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./scs produce against the real broker. */
@RequiresLocalStack(Service.KAFKA)
class ProduceCommandIT {

  @Test
  void everyLineIsPublishedAsItIsAndTheLinesOfOneCitizenStayInFileOrder(
      LocalStackAddresses addresses, @TempDir Path folder) throws Exception {
    try (IsolatedSimulator simulator = new IsolatedSimulator(addresses, folder)) {
      SimulatorConfig config = simulator.config();
      KafkaTopicSetup topics = new KafkaTopicSetup(config.stores());
      topics.create(List.of(new TopicDefinition(config.eventsTopic(), 6)));
      try {
        List<String> lines = new ArrayList<>();
        Map<String, List<String>> linesByCitizen = new LinkedHashMap<>();
        for (int i = 0; i < 5_000; i++) {
          String citizen = "citizen-" + (i * 7 % 23);
          String line =
              "{\"event_id\":\"p-"
                  + i
                  + "\",\"citizen_id\":\""
                  + citizen
                  + "\",\"type\":\"tax.filed\",\"occurred_at\":\"2026-03-01T00:00:00Z\","
                  + "\"source\":\"test\",\"schema_version\":1,\"payload\":{\"on_time\":true}}";
          lines.add(line);
          linesByCitizen.computeIfAbsent(citizen, c -> new ArrayList<>()).add(line);
          if (i == 2_500) {
            lines.add("");
            lines.add("not json, no key");
            lines.add("{\"citizen_id\":\"citizen-3\",\"type\":\"tax.fi");
            linesByCitizen.get("citizen-3").add("{\"citizen_id\":\"citizen-3\",\"type\":\"tax.fi");
          }
        }
        Path file = folder.resolve("events.jsonl");
        Files.write(file, lines);

        Run run = simulator.run("produce", "--file", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
            .startsWith("produce: 5,002 records from " + file + " to topic " + config.eventsTopic())
            .contains("1 with no readable citizen_id", "1 blank lines skipped");
        List<ConsumerRecord<String, String>> read =
            TopicReader.readAll(
                config.stores().kafkaBootstrapServers(), config.eventsTopic(), 5_002);
        assertThat(read).hasSize(5_002);
        Map<String, List<String>> readByKey = new LinkedHashMap<>();
        read.stream()
            .sorted(
                java.util.Comparator.comparingInt(
                        (ConsumerRecord<String, String> r) -> r.partition())
                    .thenComparingLong(ConsumerRecord::offset))
            .forEach(
                record ->
                    readByKey
                        .computeIfAbsent(String.valueOf(record.key()), key -> new ArrayList<>())
                        .add(record.value()));
        linesByCitizen.forEach(
            (citizen, expected) ->
                assertThat(readByKey.get(citizen)).as(citizen).isEqualTo(expected));
        assertThat(readByKey.get("null")).containsExactly("not json, no key");
      } finally {
        topics.delete(List.of(config.eventsTopic()));
      }
    }
  }

  @Test
  void producingToATopicThatDoesNotExistSaysToSeedFirst(
      LocalStackAddresses addresses, @TempDir Path folder) throws Exception {
    try (IsolatedSimulator simulator = new IsolatedSimulator(addresses, folder)) {
      Path file = folder.resolve("events.jsonl");
      Files.writeString(file, "{}\n");

      Run run = simulator.run("produce", "--file", file.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err())
          .startsWith(
              "error: produce failed: topic "
                  + simulator.config().eventsTopic()
                  + " does not exist at "
                  + addresses.kafka()
                  + ": run ./scs seed first");
    }
  }
}
