package dev.scs.simulator.seed;

/**
 * What seed wrote to Dgraph: the world's citizen nodes and initial ties, and how many of each were
 * not there before (none when the world was seeded already).
 */
public record GraphWrite(int nodes, int ties, long newNodes, long newTies) {

  public boolean changedAnything() {
    return newNodes > 0 || newTies > 0;
  }
}
