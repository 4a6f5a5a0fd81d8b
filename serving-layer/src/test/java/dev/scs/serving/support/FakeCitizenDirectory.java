package dev.scs.serving.support;

import dev.scs.serving.score.CitizenDirectory;
import dev.scs.serving.score.CitizenRecord;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Registered citizens in memory. */
public final class FakeCitizenDirectory implements CitizenDirectory {
  private final Map<String, CitizenRecord> records = new HashMap<>();

  public FakeCitizenDirectory register(CitizenRecord record) {
    records.put(record.citizenId(), record);
    return this;
  }

  /** A registered citizen with a region and the score its profile holds. */
  public FakeCitizenDirectory register(String citizenId, String region, double score, String tier) {
    return register(
        new CitizenRecord(
            citizenId, null, region, null, null, null, score, score - 1000, tier, null));
  }

  public FakeCitizenDirectory register(String citizenId) {
    return register(CitizenRecord.onlyId(citizenId));
  }

  @Override
  public Set<String> idsInRegion(String region) {
    Set<String> ids = new HashSet<>();
    records.values().stream()
        .filter(record -> region.equals(record.region()))
        .forEach(record -> ids.add(record.citizenId()));
    return ids;
  }

  @Override
  public Optional<CitizenRecord> find(String citizenId) {
    return Optional.ofNullable(records.get(citizenId));
  }
}
