package dev.scs.speed.scoring;

import java.util.Set;

/**
 * Everything a micro-batch reads from outside its own records. The scorer asks each question once
 * per micro-batch, with every id of the batch at once, so that a store answers in bulk, and so that
 * the answers can be journaled and given again when Spark replays the micro-batch.
 */
public interface BatchLookups {

  ScoringRules rules();

  /** The ids among {@code citizenIds} that belong to registered citizens. */
  Set<String> registeredAmong(Set<String> citizenIds);

  /** The ids among {@code eventIds} that an earlier micro-batch accepted. */
  Set<String> claimedAmong(Set<String> eventIds);

  CitizenStates statesOf(Set<String> citizenIds);
}
