package dev.scs.batch.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.scs.batch.recompute.ScoringInputs;
import dev.scs.scoring.config.InvalidConfigException;
import dev.scs.scoring.rules.InvalidRuleSetException;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.mongodb.ConfigStore;
import dev.scs.stores.mongodb.CurrentConfig;
import dev.scs.stores.mongodb.CurrentRuleSet;
import dev.scs.stores.mongodb.MongoConnections;
import dev.scs.stores.mongodb.RuleStore;

/** The rule set and config a run scores with: the ones stored in MongoDB. */
public final class MongoScoringInputs {
  private MongoScoringInputs() {}

  public static ScoringInputs load(StoreSettings settings) {
    try (MongoClient client = MongoConnections.open(settings)) {
      MongoDatabase database = MongoConnections.database(client, settings);
      CurrentRuleSet rules = new RuleStore(database).current();
      if (rules.rules().size() == 0) {
        throw new IllegalStateException(
            "MongoDB collection "
                + settings.mongodbDatabase()
                + "."
                + RuleStore.COLLECTION
                + " holds no rule version: import a rule set first (every score would be the"
                + " base score)");
      }
      CurrentConfig config =
          new ConfigStore(database)
              .current()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "MongoDB collection "
                              + settings.mongodbDatabase()
                              + "."
                              + ConfigStore.COLLECTION
                              + " holds no scoring config: store one first"));
      return ScoringInputs.parse(rules.json(), config.json());
    } catch (InvalidRuleSetException | InvalidConfigException e) {
      // The stores check both before storing them; only a write around them gets here.
      throw new IllegalStateException(
          "the rules or config in MongoDB are invalid: " + e.getMessage(), e);
    }
  }

  /** The stored config with another rule set: the inputs of a what-if. */
  public static ScoringInputs withRules(StoreSettings settings, String rulesJson)
      throws InvalidRuleSetException {
    try (MongoClient client = MongoConnections.open(settings)) {
      MongoDatabase database = MongoConnections.database(client, settings);
      CurrentConfig config =
          new ConfigStore(database)
              .current()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "MongoDB collection "
                              + settings.mongodbDatabase()
                              + "."
                              + ConfigStore.COLLECTION
                              + " holds no scoring config: store one first"));
      return ScoringInputs.parse(rulesJson, config.json());
    } catch (InvalidConfigException e) {
      throw new IllegalStateException("the config in MongoDB is invalid: " + e.getMessage(), e);
    }
  }
}
