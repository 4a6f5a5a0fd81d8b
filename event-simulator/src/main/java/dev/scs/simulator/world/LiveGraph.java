package dev.scs.simulator.world;

import java.util.SplittableRandom;

/**
 * The social graph as it changes while events are generated: {@code social.tie_added} events add
 * ties, {@code social.tie_removed} events remove existing ones. New ties go to a friend of a friend
 * half of the time (triadic closure), else to a citizen picked in proportion to their initial
 * degree, from the same region with the graph's community share.
 */
public final class LiveGraph {
  private static final double FRIEND_OF_FRIEND_SHARE = 0.5;
  private static final double COMMUNITY_SHARE = 0.8;
  private static final int ATTEMPTS = 8;

  private final Population population;
  // Per citizen: other citizen's index * 4 + relation ordinal.
  private final GrowableInts[] adjacency;
  private final GrowableInts allEndpoints = new GrowableInts();
  private final GrowableInts[] regionEndpoints = new GrowableInts[Regions.count()];

  public LiveGraph(Population population, SocialGraph initial) {
    this.population = population;
    this.adjacency = new GrowableInts[population.size()];
    for (int i = 0; i < adjacency.length; i++) {
      adjacency[i] = new GrowableInts();
    }
    for (int region = 0; region < regionEndpoints.length; region++) {
      regionEndpoints[region] = new GrowableInts();
    }
    for (Tie tie : initial.ties()) {
      link(tie.one(), tie.other(), tie.relation());
      allEndpoints.add(tie.one());
      allEndpoints.add(tie.other());
      regionEndpoints[population.citizen(tie.one()).region()].add(tie.one());
      regionEndpoints[population.citizen(tie.other()).region()].add(tie.other());
    }
  }

  /** Ties the citizen to someone new; {@code null} when no candidate was found. */
  public Tie addTieFor(int citizen, SplittableRandom random) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int other = candidate(citizen, random);
      if (other != citizen && indexOf(citizen, other) < 0) {
        Relation relation =
            Relation.between(
                population.citizen(citizen), population.citizen(other), random.nextDouble());
        link(citizen, other, relation);
        return new Tie(citizen, other, relation);
      }
    }
    return null;
  }

  /** Removes one of the citizen's ties; {@code null} when they have none. */
  public Tie removeTieOf(int citizen, SplittableRandom random) {
    GrowableInts ties = adjacency[citizen];
    if (ties.isEmpty()) {
      return null;
    }
    int position = random.nextInt(ties.size());
    int packed = ties.get(position);
    int other = packed >>> 2;
    ties.removeAt(position);
    adjacency[other].removeAt(indexOf(other, citizen));
    return new Tie(citizen, other, Relation.values()[packed & 3]);
  }

  public int degree(int citizen) {
    return adjacency[citizen].size();
  }

  public boolean tied(int one, int other) {
    return indexOf(one, other) >= 0;
  }

  private int candidate(int citizen, SplittableRandom random) {
    GrowableInts friends = adjacency[citizen];
    if (!friends.isEmpty() && random.nextDouble() < FRIEND_OF_FRIEND_SHARE) {
      GrowableInts friendsOfFriend = adjacency[friends.get(random.nextInt(friends.size())) >>> 2];
      if (!friendsOfFriend.isEmpty()) {
        return friendsOfFriend.get(random.nextInt(friendsOfFriend.size())) >>> 2;
      }
    }
    GrowableInts pool = regionEndpoints[population.citizen(citizen).region()];
    if (pool.isEmpty() || random.nextDouble() >= COMMUNITY_SHARE) {
      pool = allEndpoints;
    }
    return pool.isEmpty()
        ? random.nextInt(population.size())
        : pool.get(random.nextInt(pool.size()));
  }

  private void link(int one, int other, Relation relation) {
    adjacency[one].add(other * 4 + relation.ordinal());
    adjacency[other].add(one * 4 + relation.ordinal());
  }

  private int indexOf(int citizen, int other) {
    GrowableInts ties = adjacency[citizen];
    for (int i = 0; i < ties.size(); i++) {
      if (ties.get(i) >>> 2 == other) {
        return i;
      }
    }
    return -1;
  }
}
