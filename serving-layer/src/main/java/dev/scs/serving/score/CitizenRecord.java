package dev.scs.serving.score;

/**
 * A citizen's profile as stored, with the score the speed layer last wrote to it. A field that is
 * {@code null} is not stored.
 */
public record CitizenRecord(
    String citizenId,
    String name,
    String region,
    Integer birthYear,
    String occupation,
    String householdId,
    Double storedScore,
    Double storedRaw,
    String storedTier,
    Long scoreUpdatedAt) {

  public static CitizenRecord onlyId(String citizenId) {
    return new CitizenRecord(citizenId, null, null, null, null, null, null, null, null, null);
  }
}
