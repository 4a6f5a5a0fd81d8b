package dev.scs.speed.mongodb;

import com.mongodb.client.MongoDatabase;
import dev.scs.speed.port.RuleSource;
import dev.scs.speed.scoring.RuleTexts;
import dev.scs.stores.mongodb.ConfigStore;
import dev.scs.stores.mongodb.RuleStore;

/** The rule set and config as the stores module keeps them in MongoDB. */
public final class MongoRuleSource implements RuleSource {
  private final RuleStore rules;
  private final ConfigStore config;
  private final String databaseName;

  public MongoRuleSource(MongoDatabase database) {
    this.rules = new RuleStore(database);
    this.config = new ConfigStore(database);
    this.databaseName = database.getName();
  }

  /**
   * @throws RuleSource.UnusableRulesException when the stored rules or config do not validate
   */
  @Override
  public RuleTexts load() {
    String rulesJson;
    try {
      rulesJson = rules.current().json();
    } catch (IllegalStateException invalid) {
      throw new UnusableRulesException(invalid.getMessage(), invalid);
    }
    String configJson;
    try {
      configJson =
          config
              .current()
              .orElseThrow(
                  () ->
                      new UnusableRulesException(
                          "collection "
                              + ConfigStore.COLLECTION
                              + " holds no config; store one first (the seed command of the event simulator)",
                          null))
              .json();
    } catch (IllegalStateException invalid) {
      throw new UnusableRulesException(invalid.getMessage(), invalid);
    }
    return new RuleTexts(rulesJson, configJson);
  }

  @Override
  public String toString() {
    return "MongoDB database " + databaseName + " (collections rules and config)";
  }
}
