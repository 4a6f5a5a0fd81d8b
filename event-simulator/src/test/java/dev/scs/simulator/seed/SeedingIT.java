package dev.scs.simulator.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import dev.scs.schemas.ContractFile;
import dev.scs.simulator.IsolatedSimulator;
import dev.scs.simulator.SimulatorConfig;
import dev.scs.simulator.world.World;
import dev.scs.stores.kafka.KafkaTopicSetup;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleImportRefusedException;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresLocalStack({Service.KAFKA, Service.MONGODB})
class SeedingIT {

  @Test
  void anInvalidRuleSetIsRefusedWholeBeforeAnythingIsWritten(
      LocalStackAddresses addresses, @TempDir Path folder) {
    try (IsolatedSimulator simulator = new IsolatedSimulator(addresses, folder)) {
      SimulatorConfig config = simulator.config();
      String overlapping =
          ContractFile.DEFAULT_RULE_SET
              .read()
              .replace("\"effective_to\": \"2026-01-01T00:00:00Z\"", "\"effective_to\": null");
      Seeding seeding = new Seeding(config.stores(), config.topics(), config.influxLayout());

      assertThatThrownBy(
              () ->
                  seeding.run(
                      World.generate(10, 1),
                      overlapping,
                      ContractFile.DEFAULT_CONFIG.read(),
                      false,
                      line -> {}))
          .isInstanceOfSatisfying(
              RuleImportRefusedException.class,
              refused -> {
                assertThat(refused.ruleId()).isEqualTo("payment-late");
                assertThat(refused.field()).isEqualTo("effective_from");
                assertThat(refused.getMessage()).startsWith("nothing seeded, invalid rule set");
              });
      assertThat(new KafkaTopicSetup(config.stores()).exists(config.eventsTopic())).isFalse();
      try (MongoClient client = MongoConnections.open(config.stores())) {
        assertThat(client.listDatabaseNames()).doesNotContain(config.stores().mongodbDatabase());
      }
    }
  }
}
