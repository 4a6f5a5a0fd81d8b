package dev.scs.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties of the generated social graph over a population of 20 000. */
class SocialGraphTest {
  private static Population population;
  private static SocialGraph graph;

  @BeforeAll
  static void generate() {
    population = Population.generate(20_000, 21);
    graph = SocialGraphGenerator.generate(population, 8, 0.8, 21);
  }

  @Test
  void noCitizenIsTiedToThemselves() {
    assertThat(graph.ties()).noneMatch(tie -> tie.one() == tie.other());
  }

  @Test
  void tiesJoinOnlyExistingCitizens() {
    assertThat(graph.ties())
        .allMatch(
            tie ->
                tie.one() >= 0
                    && tie.one() < population.size()
                    && tie.other() >= 0
                    && tie.other() < population.size());
  }

  @Test
  void noTieIsRepeated() {
    Set<Long> pairs = new HashSet<>();
    for (Tie tie : graph.ties()) {
      long pair =
          (long) Math.min(tie.one(), tie.other()) * population.size()
              + Math.max(tie.one(), tie.other());
      assertThat(pairs.add(pair)).as("tie %s", tie).isTrue();
    }
  }

  @Test
  void theAverageDegreeIsTheOneAskedFor() {
    assertThat(graph.averageDegree()).isCloseTo(8.0, within(0.4));
  }

  @Test
  void theDegreeDistributionHasAHeavyTail() {
    int[] degrees = new int[population.size()];
    for (int citizen = 0; citizen < degrees.length; citizen++) {
      degrees[citizen] = graph.degree(citizen);
    }
    Arrays.sort(degrees);
    int median = degrees[degrees.length / 2];
    int maximum = degrees[degrees.length - 1];
    int topPercentile = degrees[degrees.length * 99 / 100];

    // Preferential attachment: hubs far above the mean, most citizens at or below it.
    assertThat(maximum).isGreaterThan(8 * 8);
    assertThat(topPercentile).isGreaterThan(3 * 8);
    assertThat(median).isLessThanOrEqualTo(8);
    assertThat(degrees[0]).isGreaterThanOrEqualTo(1);
  }

  @Test
  void mostTiesStayInsideARegion() {
    long regional =
        graph.ties().stream()
            .filter(
                tie ->
                    population.citizen(tie.one()).region()
                        == population.citizen(tie.other()).region())
            .count();

    assertThat(regional / (double) graph.ties().size()).isGreaterThan(0.75);
  }

  @Test
  void familyTiesAreExactlyTheTiesInsideAHousehold() {
    assertThat(graph.ties())
        .allMatch(
            tie ->
                (tie.relation() == Relation.FAMILY)
                    == population
                        .citizen(tie.one())
                        .householdId()
                        .equals(population.citizen(tie.other()).householdId()));
    assertThat(graph.ties()).extracting(Tie::relation).contains(Relation.values());
  }

  @Test
  void theSameSeedGivesTheSameGraph() {
    assertThat(SocialGraphGenerator.generate(population, 8, 0.8, 21).ties())
        .isEqualTo(graph.ties());
  }
}
