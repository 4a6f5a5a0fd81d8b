package dev.scs.stores.dgraph;

import java.util.Objects;

/**
 * One {@code social.tie_added} ({@code added}) or {@code social.tie_removed} event as the graph
 * sees it: a tie is undirected and exists per relation, so the tie between a and b as friends is
 * the tie between b and a as friends.
 */
public record TieChange(String citizenId, String otherCitizenId, String relation, boolean added) {

  public TieChange {
    Objects.requireNonNull(citizenId, "citizenId");
    Objects.requireNonNull(otherCitizenId, "otherCitizenId");
    Objects.requireNonNull(relation, "relation");
    if (citizenId.equals(otherCitizenId)) {
      throw new IllegalArgumentException("a citizen cannot be tied to itself: " + citizenId);
    }
  }

  public static TieChange added(String citizenId, String otherCitizenId, String relation) {
    return new TieChange(citizenId, otherCitizenId, relation, true);
  }

  public static TieChange removed(String citizenId, String otherCitizenId, String relation) {
    return new TieChange(citizenId, otherCitizenId, relation, false);
  }

  /** The citizen stored as the edge's source: the lesser id by code point, as in the lake. */
  public String from() {
    return citizenId.compareTo(otherCitizenId) < 0 ? citizenId : otherCitizenId;
  }

  /** The citizen stored as the edge's target: the greater id. */
  public String to() {
    return citizenId.compareTo(otherCitizenId) < 0 ? otherCitizenId : citizenId;
  }
}
