package dev.scs.serving.score;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The citizens' profiles (MongoDB collection {@code citizens}). */
public interface CitizenDirectory {

  /** The profile, empty when the citizen is not registered. */
  Optional<CitizenRecord> find(String citizenId);

  /** The profiles of those of the ids that are registered. */
  default Map<String, CitizenRecord> findAll(Collection<String> citizenIds) {
    Map<String, CitizenRecord> found = new LinkedHashMap<>();
    for (String id : citizenIds) {
      find(id).ifPresent(record -> found.put(id, record));
    }
    return found;
  }

  /** The ids of the citizens registered in a region. */
  Set<String> idsInRegion(String region);
}
