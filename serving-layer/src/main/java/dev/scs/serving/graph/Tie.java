package dev.scs.serving.graph;

/**
 * An undirected tie (schemas/parquet/layout.md, {@code graph_ties}): {@code citizenA < citizenB} by
 * code point; two citizens tied by two relations have two ties.
 */
public record Tie(String citizenA, String citizenB, String relation) {

  /** The same tie with its ends in the layout's order. */
  public static Tie of(String one, String other, String relation) {
    return one.compareTo(other) <= 0
        ? new Tie(one, other, relation)
        : new Tie(other, one, relation);
  }

  public String otherEnd(String citizen) {
    return citizen.equals(citizenA) ? citizenB : citizenA;
  }
}
