package dev.scs.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scs.stores.mongodb.CitizenProfile;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PopulationTest {

  @Test
  void theSameSeedGivesTheSamePopulation() {
    assertThat(Population.generate(2_000, 7).profiles())
        .isEqualTo(Population.generate(2_000, 7).profiles());
  }

  @Test
  void anotherSeedGivesAnotherPopulation() {
    assertThat(Population.generate(200, 7).profiles())
        .isNotEqualTo(Population.generate(200, 8).profiles());
  }

  @Test
  void theFirstCitizensAreTheSameWhateverThePopulationSize() {
    assertThat(Population.generate(10_000, 3).profiles().subList(0, 1_000))
        .isEqualTo(Population.generate(1_000, 3).profiles());
  }

  @Test
  void aPrefixGoesBeforeEveryIdAndChangesNothingElse() {
    Population plain = Population.generate(500, 9);
    Population prefixed = Population.generate(500, 9, "it-1a2b3c4d-");

    assertThat(prefixed.citizen(42).id()).isEqualTo("it-1a2b3c4d-citizen-0000042");
    assertThat(prefixed.citizens())
        .extracting(citizen -> citizen.id().substring("it-1a2b3c4d-".length()), Citizen::name)
        .isEqualTo(
            plain.citizens().stream()
                .map(citizen -> org.assertj.core.groups.Tuple.tuple(citizen.id(), citizen.name()))
                .toList());
    assertThat(prefixed.contains("it-1a2b3c4d-citizen-0000042")).isTrue();
    assertThat(prefixed.contains("citizen-0000042")).isFalse();
  }

  @Test
  void everyCitizenHasAUniqueValidIdAndAFullProfile() {
    Population population = Population.generate(5_000, 11);

    assertThat(population.size()).isEqualTo(5_000);
    assertThat(population.profiles())
        .extracting(CitizenProfile::citizenId)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[a-z0-9-]{1,40}"));
    assertThat(population.profiles())
        .allSatisfy(
            profile -> {
              assertThat(profile.name()).matches("[A-Z][a-z]+ [A-Z][a-z]+");
              assertThat(Regions.NAMES).contains(profile.region());
              assertThat(profile.birthYear()).isBetween(1936, 2008);
              assertThat(profile.occupation()).isNotBlank();
              assertThat(profile.householdId()).matches("h-\\d{7}");
            });
    assertThat(population.citizen(42).id()).isEqualTo("citizen-0000042");
  }

  @Test
  void membersOfAHouseholdShareItsRegionAndFamilyName() {
    Population population = Population.generate(5_000, 5);

    Map<String, java.util.List<Citizen>> households =
        population.citizens().stream().collect(Collectors.groupingBy(Citizen::householdId));

    assertThat(households.size()).isBetween(1_500, 3_500);
    assertThat(households.values())
        .allSatisfy(
            members -> {
              assertThat(members).extracting(Citizen::region).containsOnly(members.get(0).region());
              assertThat(members)
                  .extracting(member -> member.name().split(" ")[1])
                  .containsOnly(members.get(0).name().split(" ")[1]);
            });
  }

  @Test
  void personasAndRegionsFollowTheirShares() {
    Population population = Population.generate(20_000, 9);

    Map<String, Long> personas =
        population.citizens().stream()
            .collect(Collectors.groupingBy(c -> c.persona().name(), Collectors.counting()));
    Map<Integer, Long> regions =
        population.citizens().stream()
            .collect(Collectors.groupingBy(Citizen::region, Collectors.counting()));

    assertThat(personas.keySet())
        .containsExactlyInAnyOrderElementsOf(Personas.ALL.stream().map(Persona::name).toList());
    // Students lean to the student persona, so "steady" stays near, not at, its share.
    assertThat(personas.get("steady") / 20_000.0).isCloseTo(0.40, within(0.05));
    assertThat(regions.get(0) / 20_000.0).isCloseTo(Regions.SHARES[0], within(0.03));
    assertThat(regions.get(7) / 20_000.0).isCloseTo(Regions.SHARES[7], within(0.02));
  }

  @Test
  void activityIsOnAverageAboutOne() {
    Population population = Population.generate(20_000, 13);

    double mean =
        population.citizens().stream().mapToDouble(Citizen::activity).average().orElseThrow();

    assertThat(mean).isCloseTo(1.0, within(0.05));
    assertThat(population.citizens()).allMatch(citizen -> citizen.activity() > 0);
    Map<String, Citizen> byId =
        population.citizens().stream().collect(Collectors.toMap(Citizen::id, Function.identity()));
    assertThat(byId).hasSize(20_000);
  }
}
