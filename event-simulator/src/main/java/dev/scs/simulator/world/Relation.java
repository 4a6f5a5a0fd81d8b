package dev.scs.simulator.world;

/** The kind of a social tie, as the {@code relation} field of social events names it. */
public enum Relation {
  FRIEND("friend"),
  FAMILY("family"),
  COLLEAGUE("colleague"),
  NEIGHBOR("neighbor");

  private final String wireName;

  Relation(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Family within a household, else colleagues or neighbours sometimes, else friends. */
  static Relation between(Citizen one, Citizen other, double draw) {
    if (one.householdId().equals(other.householdId())) {
      return FAMILY;
    }
    if (one.occupation().equals(other.occupation()) && draw < 0.5) {
      return COLLEAGUE;
    }
    if (one.region() == other.region() && draw < 0.8) {
      return NEIGHBOR;
    }
    return FRIEND;
  }
}
