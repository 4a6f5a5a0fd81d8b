package dev.scs.simulator.events;

import java.util.Arrays;
import java.util.List;

/**
 * A kind of fault the simulator can inject, and what the contract makes of it: late and duplicated
 * events are valid events (a late one arrives out of order; a duplicate counts once), the others
 * are rejected with the reason of section 2.
 */
public enum Fault {
  /** Occurs hours before events already sent: out of order, still accepted. */
  LATE("late"),
  /** Repeats an earlier event's line, same {@code event_id}: reported as a duplicate. */
  DUPLICATE("duplicate"),
  /** Not one JSON object: {@code malformed_json}. */
  MALFORMED("malformed"),
  /** An envelope field missing, mistyped or out of range: {@code schema_violation}. */
  SCHEMA_VIOLATION("schema_violation"),
  /** A citizen_id nobody registered: {@code unknown_citizen}. */
  UNKNOWN_CITIZEN("unknown_citizen"),
  /** Occurs well after its ingestion, beyond any skew allowed: {@code future_event}. */
  FUTURE("future");

  private final String optionName;

  Fault(String optionName) {
    this.optionName = optionName;
  }

  /** The name in {@code --faults KIND=FRACTION}. */
  public String optionName() {
    return optionName;
  }

  public static Fault fromOptionName(String name) {
    for (Fault fault : values()) {
      if (fault.optionName.equals(name)) {
        return fault;
      }
    }
    throw new IllegalArgumentException(
        "unknown fault kind '" + name + "'; the kinds are " + optionNames());
  }

  public static List<String> optionNames() {
    return Arrays.stream(values()).map(Fault::optionName).toList();
  }
}
