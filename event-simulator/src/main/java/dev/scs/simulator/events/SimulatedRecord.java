package dev.scs.simulator.events;

/**
 * One record as it is sent: the key (the citizen_id written in the line, whether or not it is
 * registered) and the line, plus the fault injected into it, or {@code null} for a clean event.
 */
public record SimulatedRecord(String key, String line, Fault fault) {}
