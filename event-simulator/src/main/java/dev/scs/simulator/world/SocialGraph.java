package dev.scs.simulator.world;

import java.util.List;

/** The initial social graph of a population: undirected ties, no self-ties, no repeated ties. */
public final class SocialGraph {
  private final int citizens;
  private final List<Tie> ties;
  private final int[] degrees;

  SocialGraph(int citizens, List<Tie> ties) {
    this.citizens = citizens;
    this.ties = List.copyOf(ties);
    this.degrees = new int[citizens];
    for (Tie tie : ties) {
      degrees[tie.one()]++;
      degrees[tie.other()]++;
    }
  }

  public int citizens() {
    return citizens;
  }

  public List<Tie> ties() {
    return ties;
  }

  public int degree(int citizen) {
    return degrees[citizen];
  }

  public double averageDegree() {
    return 2.0 * ties.size() / citizens;
  }
}
