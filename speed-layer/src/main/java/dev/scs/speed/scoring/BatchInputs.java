package dev.scs.speed.scoring;

import java.util.HashSet;
import java.util.Set;

/**
 * The answers one micro-batch got from outside its records: the rule and config texts in force, the
 * registered citizens and earlier claims among its ids, and its citizens' state. Journaled before
 * any sink is written, so that when Spark replays the micro-batch after a crash the scorer sees the
 * same answers, even though the stores may already hold part of the first attempt's writes, and
 * computes an equal outcome. The ingestion floor is journaled for the same reason: the first
 * attempt may have archived records with it.
 */
public record BatchInputs(
    RuleTexts ruleTexts,
    Set<String> registered,
    Set<String> claimed,
    CitizenStates states,
    long ingestionFloor) {

  /** Lookups that give these answers again. */
  public BatchLookups replay() {
    ScoringRules rules;
    try {
      rules = ScoringRules.parse(ruleTexts);
    } catch (Exception e) {
      throw new IllegalStateException("journaled rules were valid when the batch first ran", e);
    }
    return new BatchLookups() {
      @Override
      public ScoringRules rules() {
        return rules;
      }

      @Override
      public Set<String> registeredAmong(Set<String> citizenIds) {
        return intersection(citizenIds, registered);
      }

      @Override
      public Set<String> claimedAmong(Set<String> eventIds) {
        return intersection(eventIds, claimed);
      }

      @Override
      public CitizenStates statesOf(Set<String> citizenIds) {
        return states;
      }

      @Override
      public long ingestionFloor() {
        return ingestionFloor;
      }
    };
  }

  private static Set<String> intersection(Set<String> asked, Set<String> known) {
    Set<String> result = new HashSet<>(asked);
    result.retainAll(known);
    return result;
  }
}
