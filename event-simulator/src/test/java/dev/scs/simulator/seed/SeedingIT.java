package dev.scs.simulator.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import dev.scs.schemas.ContractFile;
import dev.scs.simulator.IsolatedSimulator;
import dev.scs.simulator.SimulatorConfig;
import dev.scs.simulator.world.World;
import dev.scs.stores.dgraph.CitizenNode;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.dgraph.SocialGraph;
import dev.scs.stores.dgraph.TieChange;
import dev.scs.stores.kafka.KafkaTopicSetup;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleImportRefusedException;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RequiresLocalStack({
  Service.KAFKA,
  Service.CASSANDRA,
  Service.MONGODB,
  Service.INFLUXDB,
  Service.DGRAPH
})
class SeedingIT {

  @Test
  void theWorldsCitizensAndInitialTiesAreInDgraphAndSeedingAgainChangesNothing(
      LocalStackAddresses addresses, @TempDir Path folder) throws Exception {
    try (IsolatedSimulator simulator = new IsolatedSimulator(addresses, folder);
        DgraphConnection dgraph = DgraphConnection.open(simulator.config().stores())) {
      SimulatorConfig config = simulator.config();
      String prefix = config.citizenIdPrefix();
      WorldGraphReader graph = new WorldGraphReader(dgraph, prefix);
      World world = World.generate(1_000, 4, prefix);
      int ties = world.graph().ties().size();
      Seeding seeding = new Seeding(config.stores(), config.topics(), config.influxLayout());
      String rules = ContractFile.DEFAULT_RULE_SET.read();
      String scoring = ContractFile.DEFAULT_CONFIG.read();
      // Another run's citizen, next to this run's: reset must leave it alone.
      String otherRunsCitizen = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-citizen-1";
      new SocialGraph(dgraph.client())
          .upsertCitizens(List.of(CitizenNode.of(otherRunsCitizen).with("region", "eastmere")));
      List<String> progress = new ArrayList<>();
      List<SetupStep> removed;
      List<String> otherRunAfterReset;
      try {
        SeedReport first = seeding.run(world, rules, scoring, false, progress::add);

        assertThat(first.graph()).isEqualTo(new GraphWrite(1_000, ties, 1_000, ties));
        assertThat(graph.nodes()).isEqualTo(WorldGraphReader.expectedNodes(world));
        assertThat(graph.ties()).isEqualTo(WorldGraphReader.expectedTies(world));
        assertThat(progress)
            .contains(
                String.format("dgraph: writing 1,000 citizen nodes and %,d ties", ties),
                "dgraph: 1,000 of 1,000 citizen nodes",
                String.format("dgraph: %,d of %,d ties", ties, ties));

        SeedReport second = seeding.run(world, rules, scoring, false, line -> {});

        assertThat(second.graph()).isEqualTo(new GraphWrite(1_000, ties, 0, 0));
        assertThat(second.changedAnything()).isFalse();
        assertThat(graph.nodes()).isEqualTo(WorldGraphReader.expectedNodes(world));
        assertThat(graph.ties()).isEqualTo(WorldGraphReader.expectedTies(world));

        // The speed layer removed one initial tie since: seeding again puts it back.
        TieChange tie = InitialGraph.tieChanges(world).get(ties / 2);
        new SocialGraph(dgraph.client())
            .applyTieChanges(
                List.of(TieChange.removed(tie.citizenId(), tie.otherCitizenId(), tie.relation())));
        assertThat(graph.ties()).hasSize(ties - 1);

        SeedReport third = seeding.run(world, rules, scoring, false, line -> {});

        assertThat(third.graph()).isEqualTo(new GraphWrite(1_000, ties, 0, 1));
        assertThat(third.changedAnything()).isTrue();
        assertThat(graph.ties()).isEqualTo(WorldGraphReader.expectedTies(world));
      } finally {
        removed =
            new ProjectReset(
                    config.stores(),
                    config.topics(),
                    config.influxLayout(),
                    prefix,
                    List.of(folder.resolve("lake")))
                .run(step -> {});
        otherRunAfterReset = new WorldGraphReader(dgraph, otherRunsCitizen).nodes();
        new DgraphWorld(dgraph.client()).removeUnder(otherRunsCitizen);
      }

      assertThat(removed)
          .contains(
              new SetupStep(
                  "dgraph", "citizen nodes " + prefix + "*", Outcome.REMOVED, "1000 nodes"));
      assertThat(graph.nodes()).isEmpty();
      assertThat(graph.ties()).isEmpty();
      assertThat(otherRunAfterReset).containsExactly(otherRunsCitizen + " eastmere [\"Citizen\"]");
    }
  }

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
