package dev.scs.speed.scoring;

/** The rule set (a JSON array of rule versions) and the scoring config, as stored. */
public record RuleTexts(String rulesJson, String configJson) {}
