package dev.scs.simulator.events;

import dev.scs.scoring.event.EventType;

/**
 * A generated event before any fault is injected: the envelope of contract version 1 and the
 * payload as JSON text. {@code citizenIndex} is the citizen's place in the population.
 */
public record SimulatedEvent(
    String eventId,
    int citizenIndex,
    String citizenId,
    EventType type,
    long occurredAt,
    String source,
    String payloadJson) {

  /** The schema version of contract version 1. */
  public static final int SCHEMA_VERSION = 1;

  public SimulatedEvent withOccurredAt(long newOccurredAt) {
    return new SimulatedEvent(
        eventId, citizenIndex, citizenId, type, newOccurredAt, source, payloadJson);
  }

  public SimulatedEvent withCitizenId(String newCitizenId) {
    return new SimulatedEvent(
        eventId, citizenIndex, newCitizenId, type, occurredAt, source, payloadJson);
  }
}
