package dev.scs.speed.port;

import java.util.Set;

/**
 * The event_ids accepted so far (table event_ids), across micro-batches, restarts and batch
 * watermarks: a later copy of one of them is a duplicate (contract, section 2). The state sink
 * records the claims of each micro-batch.
 */
public interface EventIdClaims {
  /** The ids among {@code eventIds} that were accepted before. */
  Set<String> claimedAmong(Set<String> eventIds);
}
