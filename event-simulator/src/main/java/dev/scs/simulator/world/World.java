package dev.scs.simulator.world;

/**
 * The synthetic world a run simulates: the population and its initial social graph, both determined
 * by the seed and the population size alone.
 */
public record World(long seed, Population population, SocialGraph graph) {

  /** Ties per citizen on average in the initial graph. */
  public static final double AVERAGE_DEGREE = 8;

  /** The share of ties that stay inside a citizen's region. */
  public static final double COMMUNITY_SHARE = 0.8;

  public static World generate(int citizens, long seed) {
    return generate(citizens, seed, "");
  }

  /** The same world, its citizen ids under a prefix (see {@link Population#generate}). */
  public static World generate(int citizens, long seed, String idPrefix) {
    Population population = Population.generate(citizens, seed, idPrefix);
    return new World(
        seed,
        population,
        SocialGraphGenerator.generate(population, AVERAGE_DEGREE, COMMUNITY_SHARE, seed));
  }
}
