package dev.scs.scoring.event;

import java.util.Set;

/** Which citizens exist; an event about anyone else is rejected as {@code unknown_citizen}. */
@FunctionalInterface
public interface CitizenRegistry {
  /** Accepts every citizen: {@code replay} without a citizens file checks nobody (section 8). */
  CitizenRegistry ANYONE = citizenId -> true;

  boolean isRegistered(String citizenId);

  static CitizenRegistry of(Set<String> citizenIds) {
    return citizenIds::contains;
  }
}
