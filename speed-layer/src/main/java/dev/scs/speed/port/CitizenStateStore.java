package dev.scs.speed.port;

import dev.scs.speed.scoring.CitizenStates;
import java.util.Set;

/**
 * Cooldown and cap state, speed views and the published batch view (tables rule_state, speed_view,
 * batch_view and published_run), read in bulk for the citizens of one micro-batch.
 */
public interface CitizenStateStore {
  CitizenStates load(Set<String> citizenIds);
}
