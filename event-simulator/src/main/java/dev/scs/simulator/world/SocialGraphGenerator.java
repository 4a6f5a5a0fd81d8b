package dev.scs.simulator.world;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Grows a social graph by preferential attachment with regional communities (Barabási-Albert with a
 * community bias): citizens join in index order, first tied to the earlier members of their
 * household, then to earlier citizens chosen in proportion to their degree, from their own region
 * with probability {@code communityShare}, else from anywhere. The result has a heavy-tailed degree
 * distribution (a few hubs, most citizens near the mean), mostly regional ties, the requested mean
 * degree, no self-ties and no repeated ties.
 */
public final class SocialGraphGenerator {
  private static final long GRAPH_STREAM = 3;
  private static final int ATTEMPTS_PER_TIE = 20;

  private SocialGraphGenerator() {}

  public static SocialGraph generate(
      Population population, double averageDegree, double communityShare, long seed) {
    if (averageDegree < 0) {
      throw new IllegalArgumentException("the average degree must not be negative");
    }
    if (communityShare < 0 || communityShare > 1) {
      throw new IllegalArgumentException("the community share must lie between 0 and 1");
    }
    int size = population.size();
    // Picking a uniformly random endpoint of a tie picks a citizen in proportion to their degree.
    GrowableInts allEndpoints = new GrowableInts();
    GrowableInts[] regionEndpoints = new GrowableInts[Regions.count()];
    for (int region = 0; region < regionEndpoints.length; region++) {
      regionEndpoints[region] = new GrowableInts();
    }
    Set<Long> existing = new HashSet<>();
    List<Tie> ties = new ArrayList<>();
    double tiesPerCitizen = averageDegree / 2;
    for (int index = 0; index < size; index++) {
      SplittableRandom random = Seeds.stream(seed, GRAPH_STREAM, index);
      Citizen citizen = population.citizen(index);
      int wanted = (int) tiesPerCitizen + (random.nextDouble() < tiesPerCitizen % 1 ? 1 : 0);
      List<Integer> chosen = new ArrayList<>();
      for (int earlier = index - 1;
          earlier >= 0
              && chosen.size() < wanted
              && population.citizen(earlier).householdId().equals(citizen.householdId());
          earlier--) {
        chosen.add(earlier);
      }
      for (int attempt = 0;
          chosen.size() < wanted && attempt < wanted * ATTEMPTS_PER_TIE && !allEndpoints.isEmpty();
          attempt++) {
        GrowableInts pool = regionEndpoints[citizen.region()];
        if (pool.isEmpty() || random.nextDouble() >= communityShare) {
          pool = allEndpoints;
        }
        int other = pool.get(random.nextInt(pool.size()));
        if (other != index && !chosen.contains(other)) {
          chosen.add(other);
        }
      }
      if (chosen.isEmpty() && index > 0 && wanted > 0) {
        chosen.add(random.nextInt(index)); // the very first ties, before any endpoint exists
      }
      for (int other : chosen) {
        long key = (long) Math.min(index, other) * size + Math.max(index, other);
        if (!existing.add(key)) {
          continue;
        }
        Citizen otherCitizen = population.citizen(other);
        ties.add(
            new Tie(index, other, Relation.between(citizen, otherCitizen, random.nextDouble())));
        allEndpoints.add(index);
        allEndpoints.add(other);
        regionEndpoints[citizen.region()].add(index);
        regionEndpoints[otherCitizen.region()].add(other);
      }
    }
    return new SocialGraph(size, ties);
  }
}
