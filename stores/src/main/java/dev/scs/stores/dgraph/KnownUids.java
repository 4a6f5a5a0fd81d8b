package dev.scs.stores.dgraph;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The uids of citizens' nodes this process has written, for a while. Setting values on a known uid
 * is a plain mutation, three to four times cheaper in Dgraph than an upsert that first finds the
 * node by citizen_id and sets citizen_id and the type again (bench: 1 000 nodes in 60-90 ms against
 * 240-380 ms). A node's uid never changes; it only goes away when the node is deleted (a reset), so
 * an entry is trusted for {@code maxAge} and then looked up again.
 */
final class KnownUids {
  private final long maxAgeMillis;
  private final LongSupplier clock;
  private final Map<String, Known> byCitizen = new ConcurrentHashMap<>();

  private record Known(String uid, long learnedAt) {}

  KnownUids(Duration maxAge, LongSupplier clock) {
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative, but was " + maxAge);
    }
    this.maxAgeMillis = maxAge.toMillis();
    this.clock = clock;
  }

  static KnownUids none() {
    return new KnownUids(Duration.ZERO, System::currentTimeMillis);
  }

  Optional<String> uidOf(String citizenId) {
    Known known = byCitizen.get(citizenId);
    if (known == null) {
      return Optional.empty();
    }
    if (clock.getAsLong() - known.learnedAt() >= maxAgeMillis) {
      byCitizen.remove(citizenId, known);
      return Optional.empty();
    }
    return Optional.of(known.uid());
  }

  void learn(String citizenId, String uid) {
    if (maxAgeMillis > 0) {
      byCitizen.put(citizenId, new Known(uid, clock.getAsLong()));
    }
  }

  void forget(Collection<String> citizenIds) {
    citizenIds.forEach(byCitizen::remove);
  }
}
