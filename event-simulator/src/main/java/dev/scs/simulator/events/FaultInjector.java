package dev.scs.simulator.events;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Turns clean events into the records a run sends, injecting faults at the plan's fractions. Faults
 * draw from their own random stream, so the events that get no fault are the same as in a run
 * without faults.
 */
final class FaultInjector {
  private static final long HOUR_MILLIS = 3_600_000L;
  private static final int REMEMBERED_LINES = 4096;

  private final FaultPlan plan;
  private final LongSupplier ingestionTime;
  private final SplittableRandom random;
  private final EventJson json = new EventJson();
  private final String[] recentLines = new String[REMEMBERED_LINES];
  private final String[] recentKeys = new String[REMEMBERED_LINES];
  private int remembered;
  private int nextSlot;
  private long latestSent = Long.MIN_VALUE;

  /**
   * @param ingestionTime when a record is taken to be ingested: future events lie well after it
   */
  FaultInjector(FaultPlan plan, LongSupplier ingestionTime, SplittableRandom random) {
    this.plan = plan;
    this.ingestionTime = ingestionTime;
    this.random = random;
  }

  SimulatedRecord apply(SimulatedEvent event) {
    Fault fault = plan.isEmpty() ? null : draw();
    if (fault == Fault.LATE && latestSent != Long.MIN_VALUE) {
      long occurredAt =
          Math.min(event.occurredAt(), latestSent)
              - HOUR_MILLIS
              - random.nextLong(71 * HOUR_MILLIS);
      return remember(event.withOccurredAt(occurredAt), Fault.LATE);
    }
    if (fault == Fault.DUPLICATE && remembered > 0) {
      int slot = random.nextInt(remembered);
      return new SimulatedRecord(recentKeys[slot], recentLines[slot], Fault.DUPLICATE);
    }
    if (fault == Fault.MALFORMED) {
      return new SimulatedRecord(event.citizenId(), malformed(json.write(event)), fault);
    }
    if (fault == Fault.SCHEMA_VIOLATION) {
      return new SimulatedRecord(event.citizenId(), schemaViolation(event), fault);
    }
    if (fault == Fault.UNKNOWN_CITIZEN) {
      String ghost = String.format("ghost-%07d", random.nextInt(10_000_000));
      return new SimulatedRecord(ghost, json.write(event.withCitizenId(ghost)), fault);
    }
    if (fault == Fault.FUTURE) {
      long occurredAt =
          ingestionTime.getAsLong() + HOUR_MILLIS + random.nextLong(7 * 24 * HOUR_MILLIS);
      return new SimulatedRecord(
          event.citizenId(), json.write(event.withOccurredAt(occurredAt)), fault);
    }
    latestSent = Math.max(latestSent, event.occurredAt());
    return remember(event, null);
  }

  private Fault draw() {
    double draw = random.nextDouble();
    double cumulative = 0;
    for (Fault fault : Fault.values()) {
      cumulative += plan.fraction(fault);
      if (draw < cumulative) {
        return fault;
      }
    }
    return null;
  }

  private SimulatedRecord remember(SimulatedEvent event, Fault fault) {
    String line = json.write(event);
    recentLines[nextSlot] = line;
    recentKeys[nextSlot] = event.citizenId();
    nextSlot = (nextSlot + 1) % REMEMBERED_LINES;
    remembered = Math.min(remembered + 1, REMEMBERED_LINES);
    return new SimulatedRecord(event.citizenId(), line, fault);
  }

  /** Bytes that are not one JSON object, in the ways real producers get it wrong. */
  private String malformed(String line) {
    return switch (random.nextInt(4)) {
      case 0 -> line.substring(0, 1 + random.nextInt(line.length() - 1)); // cut short
      case 1 -> "[" + line + "]"; // an array, not an object
      case 2 -> line + "}"; // trailing garbage
      default -> "event " + line.hashCode() + " for " + line.length() + " bytes"; // not JSON
    };
  }

  /** A JSON object whose envelope or payload breaks the contract in one field. */
  private String schemaViolation(SimulatedEvent event) {
    String eventId = event.eventId();
    String occurredAt = json.occurredAtText(event.occurredAt());
    String source = event.source();
    String schemaVersion = Integer.toString(SimulatedEvent.SCHEMA_VERSION);
    String payload = event.payloadJson();
    switch (random.nextInt(6)) {
      case 0 -> schemaVersion = "2";
      case 1 -> payload = "null";
      case 2 -> occurredAt = "yesterday at noon";
      case 3 -> eventId = "id with spaces " + eventId;
      case 4 -> source = "";
      default -> payload = "{}"; // every type of the catalogue requires a payload field
    }
    return json.write(
        eventId,
        event.citizenId(),
        event.type().wireName(),
        occurredAt,
        source,
        schemaVersion,
        payload);
  }
}
