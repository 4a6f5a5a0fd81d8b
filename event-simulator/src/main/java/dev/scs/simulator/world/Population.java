package dev.scs.simulator.world;

import dev.scs.stores.mongodb.CitizenProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * N synthetic citizens, deterministic for a seed. Citizens are made household by household, each
 * household in one region sharing a family name; every citizen draws from a random stream of their
 * own, so the first 10 000 citizens of a population of 100 000 are those of a population of 10 000
 * with the same seed.
 */
public final class Population {
  private static final long HOUSEHOLD_STREAM = 1;
  private static final long CITIZEN_STREAM = 2;

  private static final double[] HOUSEHOLD_SIZE_SHARES = {0.28, 0.34, 0.16, 0.15, 0.07};
  private static final String[] OCCUPATIONS = {
    "teacher",
    "nurse",
    "engineer",
    "driver",
    "farmer",
    "clerk",
    "artist",
    "cook",
    "electrician",
    "accountant",
    "carpenter",
    "shopkeeper",
    "programmer",
    "mechanic",
    "gardener"
  };
  private static final int OLDEST_BIRTH_YEAR = 1936;
  private static final int YOUNGEST_BIRTH_YEAR = 2008;

  private final List<Citizen> citizens;
  private final Map<String, Integer> indexById;

  private Population(List<Citizen> citizens) {
    this.citizens = citizens;
    this.indexById = new HashMap<>(citizens.size() * 2);
    for (Citizen citizen : citizens) {
      indexById.put(citizen.id(), citizen.index());
    }
  }

  public static Population generate(int size, long seed) {
    return generate(size, seed, "");
  }

  /**
   * @param idPrefix put before every citizen id ({@code it-1a2b3c4d-citizen-0000042}); it changes
   *     nothing else, so the same seed gives the same citizens under another prefix
   */
  public static Population generate(int size, long seed, String idPrefix) {
    if (size < 1) {
      throw new IllegalArgumentException("a population needs at least one citizen");
    }
    List<Citizen> citizens = new ArrayList<>(size);
    int household = 0;
    while (citizens.size() < size) {
      SplittableRandom random = Seeds.stream(seed, HOUSEHOLD_STREAM, household);
      int members = 1 + pick(random, HOUSEHOLD_SIZE_SHARES);
      int region = pick(random, Regions.SHARES);
      String familyName = SyntheticNames.familyName(random);
      String householdId = String.format("h-%07d", household);
      for (int member = 0; member < members && citizens.size() < size; member++) {
        citizens.add(citizen(seed, idPrefix, citizens.size(), region, familyName, householdId));
      }
      household++;
    }
    return new Population(List.copyOf(citizens));
  }

  /** The citizen id of the citizen with this index, without a prefix: {@code citizen-0000042}. */
  public static String idOf(int index) {
    return String.format("citizen-%07d", index);
  }

  private static Citizen citizen(
      long seed, String idPrefix, int index, int region, String familyName, String householdId) {
    SplittableRandom random = Seeds.stream(seed, CITIZEN_STREAM, index);
    String name = SyntheticNames.givenName(random) + " " + familyName;
    int birthYear = OLDEST_BIRTH_YEAR + random.nextInt(YOUNGEST_BIRTH_YEAR - OLDEST_BIRTH_YEAR + 1);
    String occupation;
    if (birthYear >= 2002 && random.nextDouble() < 0.7) {
      occupation = "student";
    } else if (birthYear <= 1959 && random.nextDouble() < 0.8) {
      occupation = "retired";
    } else {
      occupation = OCCUPATIONS[random.nextInt(OCCUPATIONS.length)];
    }
    Persona persona =
        occupation.equals("student") && random.nextDouble() < 0.6
            ? Personas.ALL.get(Personas.ALL.size() - 1)
            : Personas.ALL.get(pick(random, PERSONA_SHARES));
    // Log-normal activity: most citizens near the persona's rates, a few far more active.
    double activity = Math.exp(0.5 * random.nextGaussian() - 0.125);
    return new Citizen(
        index,
        idPrefix + idOf(index),
        name,
        region,
        birthYear,
        occupation,
        householdId,
        persona,
        activity);
  }

  private static final double[] PERSONA_SHARES = personaShares();

  private static double[] personaShares() {
    double[] shares = new double[Personas.ALL.size()];
    for (int i = 0; i < shares.length; i++) {
      shares[i] = Personas.ALL.get(i).share();
    }
    return shares;
  }

  /** An index drawn with the given shares (which sum to about 1). */
  static int pick(SplittableRandom random, double[] shares) {
    double draw = random.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < shares.length - 1; i++) {
      cumulative += shares[i];
      if (draw < cumulative) {
        return i;
      }
    }
    return shares.length - 1;
  }

  public int size() {
    return citizens.size();
  }

  public Citizen citizen(int index) {
    return citizens.get(index);
  }

  public List<Citizen> citizens() {
    return citizens;
  }

  public boolean contains(String citizenId) {
    return indexById.containsKey(citizenId);
  }

  public List<CitizenProfile> profiles() {
    return citizens.stream().map(Citizen::profile).toList();
  }
}
