package dev.scs.stores.mongodb;

import dev.scs.scoring.rules.RuleSet;

/**
 * Every stored rule version, as scoring-core's {@link RuleSet} and as the JSON array text it was
 * parsed from (ordered by rule_id, then version), for layers that ship the set as text.
 */
public record CurrentRuleSet(RuleSet rules, String json) {}
