package dev.scs.simulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.simulator.world.Citizen;
import dev.scs.simulator.world.Regions;
import dev.scs.simulator.world.Tie;
import dev.scs.simulator.world.World;
import dev.scs.stores.dgraph.CitizenNode;
import dev.scs.stores.dgraph.TieChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitialGraphTest {
  private static final World WORLD = World.generate(800, 21, "it-0000abcd-");

  @Test
  void everyCitizenIsANodeWithItsRegionAndNothingElse() {
    List<CitizenNode> nodes = InitialGraph.citizenNodes(WORLD);

    assertThat(nodes).hasSize(800);
    for (int index = 0; index < 800; index++) {
      Citizen citizen = WORLD.population().citizen(index);
      assertThat(nodes.get(index).citizenId()).isEqualTo(citizen.id());
      assertThat(nodes.get(index).values())
          .isEqualTo(Map.of("region", Regions.name(citizen.region())));
    }
    assertThat(nodes.get(7).citizenId()).isEqualTo("it-0000abcd-citizen-0000007");
  }

  @Test
  void everyTieOfTheGeneratedGraphIsAddedBetweenTheTwoCitizensUnderItsRelation() {
    List<Tie> ties = WORLD.graph().ties();
    List<TieChange> changes = InitialGraph.tieChanges(WORLD);

    assertThat(ties).hasSizeGreaterThan(2_000);
    assertThat(changes).hasSameSizeAs(ties).allMatch(TieChange::added);
    for (int i = 0; i < ties.size(); i++) {
      Tie tie = ties.get(i);
      assertThat(changes.get(i))
          .isEqualTo(
              TieChange.added(
                  WORLD.population().citizen(tie.one()).id(),
                  WORLD.population().citizen(tie.other()).id(),
                  tie.relation().wireName()));
    }
    assertThat(changes)
        .extracting(TieChange::relation)
        .containsOnly("friend", "family", "colleague", "neighbor");
  }

  @Test
  void aTieOfTheFirstTwoCitizensNamesThemByTheirIds() {
    World tiny = World.generate(2, 1);

    assertThat(InitialGraph.tieChanges(tiny))
        .singleElement()
        .satisfies(
            change -> {
              assertThat(List.of(change.from(), change.to()))
                  .containsExactly("citizen-0000000", "citizen-0000001");
              assertThat(change.relation())
                  .isEqualTo(tiny.graph().ties().get(0).relation().wireName());
            });
  }
}
