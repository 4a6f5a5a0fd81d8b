package dev.scs.batch.recompute;

import dev.scs.scoring.config.InvalidConfigException;
import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.rules.InvalidRuleSetException;
import dev.scs.scoring.rules.RuleSet;
import dev.scs.scoring.rules.RuleSetParser;
import java.io.Serializable;

/**
 * The rule set and config a recompute runs with. Only their JSON text travels to executors; each
 * executor parses it once. {@link #parse} checks both on the driver before any work starts, so an
 * invalid set or config stops a run with the rule and field named.
 */
public final class ScoringInputs implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String rulesJson;
  private final String configJson;
  private transient RuleSet rules;
  private transient ScoringConfig config;

  private ScoringInputs(String rulesJson, String configJson) {
    this.rulesJson = rulesJson;
    this.configJson = configJson;
  }

  public static ScoringInputs parse(String rulesJson, String configJson)
      throws InvalidRuleSetException, InvalidConfigException {
    ScoringInputs inputs = new ScoringInputs(rulesJson, configJson);
    inputs.rules = RuleSetParser.parse(rulesJson);
    inputs.config = ScoringConfigParser.parse(configJson);
    return inputs;
  }

  public RuleSet rules() {
    if (rules == null) {
      try {
        rules = RuleSetParser.parse(rulesJson);
      } catch (InvalidRuleSetException e) {
        throw new IllegalStateException("the rule set was valid on the driver", e);
      }
    }
    return rules;
  }

  public ScoringConfig config() {
    if (config == null) {
      try {
        config = ScoringConfigParser.parse(configJson);
      } catch (InvalidConfigException e) {
        throw new IllegalStateException("the config was valid on the driver", e);
      }
    }
    return config;
  }
}
