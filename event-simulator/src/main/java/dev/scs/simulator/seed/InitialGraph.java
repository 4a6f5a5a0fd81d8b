package dev.scs.simulator.seed;

import dev.scs.simulator.world.Citizen;
import dev.scs.simulator.world.Population;
import dev.scs.simulator.world.Regions;
import dev.scs.simulator.world.Tie;
import dev.scs.simulator.world.World;
import dev.scs.stores.dgraph.CitizenNode;
import dev.scs.stores.dgraph.TieChange;
import java.util.List;

/**
 * The synthetic world as the social graph in Dgraph holds it: a Citizen node per citizen with its
 * region, and each tie of the initial graph added, under its relation's wire name.
 */
public final class InitialGraph {
  private InitialGraph() {}

  public static List<CitizenNode> citizenNodes(World world) {
    return world.population().citizens().stream()
        .map(citizen -> CitizenNode.of(citizen.id()).with("region", Regions.name(citizen.region())))
        .toList();
  }

  public static List<TieChange> tieChanges(World world) {
    Population population = world.population();
    return world.graph().ties().stream().map(tie -> added(population, tie)).toList();
  }

  private static TieChange added(Population population, Tie tie) {
    Citizen one = population.citizen(tie.one());
    Citizen other = population.citizen(tie.other());
    return TieChange.added(one.id(), other.id(), tie.relation().wireName());
  }
}
