package dev.scs.simulator.seed;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.scoring.config.InvalidConfigException;
import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.rules.InvalidRuleSetException;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.simulator.world.World;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.dgraph.DgraphConnection;
import dev.scs.stores.influxdb.InfluxLayout;
import dev.scs.stores.kafka.ProjectTopics;
import dev.scs.stores.mongodb.CitizenStore;
import dev.scs.stores.mongodb.CitizenWrite;
import dev.scs.stores.mongodb.ConfigChange;
import dev.scs.stores.mongodb.ConfigStore;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleImport;
import dev.scs.stores.mongodb.RuleImportRefusedException;
import dev.scs.stores.mongodb.RuleStore;
import dev.scs.stores.setup.ContractSetup;
import dev.scs.stores.setup.SetupStep;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Seeds the stores: applies every contract, then loads the citizens of a synthetic world, a rule
 * set and a config into MongoDB, and the world's citizens and initial social graph into Dgraph. The
 * rule set and config are checked before anything is written, and refused whole when invalid.
 * Running it again with the same inputs changes nothing.
 */
public final class Seeding {
  private final StoreSettings stores;
  private final ProjectTopics topics;
  private final InfluxLayout influxLayout;

  public Seeding(StoreSettings stores, ProjectTopics topics, InfluxLayout influxLayout) {
    this.stores = stores;
    this.topics = topics;
    this.influxLayout = influxLayout;
  }

  /**
   * @param configGiven true when the config comes from the user: it then replaces a stored one,
   *     while the built-in one is only stored where there is none
   * @param progress hears a line as each part is done
   */
  public SeedReport run(
      World world,
      String rulesJson,
      String configJson,
      boolean configGiven,
      Consumer<String> progress)
      throws RuleImportRefusedException, InvalidConfigException {
    checkBeforeWriting(rulesJson, configJson);
    List<SetupStep> contracts =
        new ContractSetup(stores, topics, influxLayout)
            .apply(steps -> steps.forEach(step -> progress.accept(step.describe())));
    CitizenWrite citizens;
    RuleImport rules;
    ConfigChange config;
    boolean keep;
    try (MongoClient client = MongoConnections.open(stores)) {
      MongoDatabase database = MongoConnections.database(client, stores);
      progress.accept(String.format("mongodb: writing %,d citizens", world.population().size()));
      citizens = new CitizenStore(database).upsert(world.population().profiles());
      rules = new RuleStore(database).add(rulesJson);
      ConfigStore configStore = new ConfigStore(database);
      // The built-in config never overwrites one that was stored on purpose.
      keep =
          !configGiven && configStore.current().isPresent() && !configStore.isCurrent(configJson);
      config = keep ? ConfigChange.UNCHANGED : configStore.put(configJson);
    }
    GraphWrite graph;
    try (DgraphConnection dgraph = DgraphConnection.open(stores)) {
      progress.accept(
          String.format(
              Locale.ROOT,
              "dgraph: writing %,d citizen nodes and %,d ties",
              world.population().size(),
              world.graph().ties().size()));
      graph = new DgraphWorld(dgraph.client()).write(world, progress);
    }
    return new SeedReport(contracts, citizens, rules, config, keep, graph);
  }

  private static void checkBeforeWriting(String rulesJson, String configJson)
      throws RuleImportRefusedException, InvalidConfigException {
    try {
      RuleSetParser.parse(rulesJson);
    } catch (InvalidRuleSetException e) {
      throw new RuleImportRefusedException(
          "nothing seeded, " + e.getMessage(), e.ruleId(), e.field());
    }
    ScoringConfigParser.parse(configJson);
  }
}
