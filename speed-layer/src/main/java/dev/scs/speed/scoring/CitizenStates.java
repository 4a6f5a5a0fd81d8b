package dev.scs.speed.scoring;

import java.util.Map;

/**
 * The state of the citizens a micro-batch touches, and the published batch run it was read against
 * ({@code null} before the first run). A citizen missing from the map has no state yet.
 */
public record CitizenStates(PublishedRun publishedRun, Map<String, CitizenState> byCitizen) {

  public CitizenState of(String citizenId) {
    return byCitizen.getOrDefault(citizenId, CitizenState.NONE);
  }
}
