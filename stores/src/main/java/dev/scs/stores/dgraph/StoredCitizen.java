package dev.scs.stores.dgraph;

import java.util.List;
import java.util.Map;

/**
 * A citizen's node as read back: its values (score, tier, region, batch_score, degree, pagerank,
 * those that are set) and the ties stored on it, i.e. to citizens with a greater id.
 */
public record StoredCitizen(String citizenId, Map<String, Object> values, List<StoredTie> ties) {

  /** One stored edge: to the other citizen, for these relations (sorted). */
  public record StoredTie(String otherCitizenId, List<String> relations) {}
}
