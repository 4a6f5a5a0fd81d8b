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

  /**
   * Every record of the micro-batch counts as ingested at this instant or later (its Kafka
   * timestamp when that is later): the speed layer's promise to the batch layer, {@code
   * Long.MIN_VALUE} before it promised anything.
   */
  long ingestionFloor();

  /**
   * Each citizen's state relative to the published batch run: a store that holds rows relative to
   * an earlier watermark rebases them first ({@link SpeedSideRebase}).
   */
  CitizenStates statesOf(Set<String> citizenIds);
}
