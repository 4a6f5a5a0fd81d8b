package dev.scs.speed.scoring;

import dev.scs.scoring.config.InvalidConfigException;
import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.rules.InvalidRuleSetException;
import dev.scs.scoring.rules.RuleSet;
import dev.scs.scoring.rules.RuleSetParser;

/** A valid rule set and config, parsed, with the texts they were parsed from. */
public record ScoringRules(RuleSet rules, ScoringConfig config, RuleTexts texts) {

  /** Parses both texts; refuses the pair when either is invalid (contract, sections 3 and 6). */
  public static ScoringRules parse(RuleTexts texts)
      throws InvalidRuleSetException, InvalidConfigException {
    return new ScoringRules(
        RuleSetParser.parse(texts.rulesJson()),
        ScoringConfigParser.parse(texts.configJson()),
        texts);
  }
}
