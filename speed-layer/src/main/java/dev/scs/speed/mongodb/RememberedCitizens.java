package dev.scs.speed.mongodb;

import dev.scs.speed.port.CitizenDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Remembers, for {@code maxAge}, which citizens the directory found registered; asks it only about
 * the others. Citizens register far more often than they are removed, and a micro-batch touches
 * thousands of them: without this, every micro-batch asks MongoDB about each, and FerretDB 1.24
 * answers an {@code _id $in} query by reading the whole collection (it looks up by index only an
 * {@code _id} equality), once per 1 000 ids.
 *
 * <p>A citizen not found is asked about again next time, so a new registration counts at once. A
 * removed citizen's events are still accepted for at most {@code maxAge} after its last lookup;
 * {@code Duration.ZERO} turns remembering off. Used by the micro-batch handler's thread only.
 */
public final class RememberedCitizens implements CitizenDirectory {
  /** Past this many remembered citizens, the expired ones are dropped, then all if none were. */
  static final int MAX_REMEMBERED = 2_000_000;

  private final CitizenDirectory directory;
  private final long maxAgeMillis;
  private final Clock clock;
  private final int maxRemembered;
  private final Map<String, Long> registeredUntil = new HashMap<>();

  public RememberedCitizens(CitizenDirectory directory, Duration maxAge, Clock clock) {
    this(directory, maxAge, clock, MAX_REMEMBERED);
  }

  RememberedCitizens(CitizenDirectory directory, Duration maxAge, Clock clock, int maxRemembered) {
    this.directory = directory;
    this.maxAgeMillis = maxAge.toMillis();
    this.clock = clock;
    this.maxRemembered = maxRemembered;
  }

  @Override
  public Set<String> registeredAmong(Set<String> citizenIds) {
    if (maxAgeMillis <= 0) {
      return directory.registeredAmong(citizenIds);
    }
    long now = clock.millis();
    Set<String> registered = new HashSet<>();
    Set<String> unknown = new HashSet<>();
    for (String citizenId : citizenIds) {
      Long until = registeredUntil.get(citizenId);
      if (until != null && until > now) {
        registered.add(citizenId);
      } else {
        unknown.add(citizenId);
      }
    }
    if (!unknown.isEmpty()) {
      Set<String> found = directory.registeredAmong(unknown);
      makeRoomFor(found.size(), now);
      for (String citizenId : found) {
        registeredUntil.put(citizenId, now + maxAgeMillis);
      }
      registered.addAll(found);
    }
    return registered;
  }

  /** How many citizens are remembered now, expired ones included (for tests and metrics). */
  int remembered() {
    return registeredUntil.size();
  }

  private void makeRoomFor(int count, long now) {
    if (registeredUntil.size() + count <= maxRemembered) {
      return;
    }
    registeredUntil.values().removeIf(until -> until <= now);
    if (registeredUntil.size() + count > maxRemembered) {
      registeredUntil.clear();
    }
  }
}
