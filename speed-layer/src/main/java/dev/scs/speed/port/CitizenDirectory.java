package dev.scs.speed.port;

import java.util.Set;

/** The registered citizens (MongoDB collection citizens); others' events are rejected. */
public interface CitizenDirectory {
  /** The ids among {@code citizenIds} that are registered. */
  Set<String> registeredAmong(Set<String> citizenIds);
}
