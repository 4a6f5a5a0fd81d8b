package dev.scs.simulator.events;

/**
 * Writes event lines by hand, field by field in the contract's order: at millions of events per run
 * a tree model and a general serialiser would cost more than generating the event.
 */
final class EventJson {
  private final InstantText instants = new InstantText();
  private final StringBuilder line = new StringBuilder(256);

  String write(SimulatedEvent event) {
    return write(
        event.eventId(),
        event.citizenId(),
        event.type().wireName(),
        instants.format(event.occurredAt()),
        event.source(),
        Integer.toString(SimulatedEvent.SCHEMA_VERSION),
        event.payloadJson());
  }

  /**
   * A line from raw parts: {@code schemaVersion} and {@code payload} are written as they are
   * (JSON), the others as JSON strings. Faults use it to break one part.
   */
  String write(
      String eventId,
      String citizenId,
      String type,
      String occurredAt,
      String source,
      String schemaVersion,
      String payload) {
    line.setLength(0);
    line.append("{\"event_id\":");
    string(eventId);
    line.append(",\"citizen_id\":");
    string(citizenId);
    line.append(",\"type\":");
    string(type);
    line.append(",\"occurred_at\":");
    string(occurredAt);
    line.append(",\"source\":");
    string(source);
    line.append(",\"schema_version\":").append(schemaVersion);
    line.append(",\"payload\":").append(payload).append('}');
    return line.toString();
  }

  String occurredAtText(long epochMillis) {
    return instants.format(epochMillis);
  }

  private void string(String value) {
    line.append('"');
    appendEscaped(line, value);
    line.append('"');
  }

  /** JSON string escaping; the generators' own texts never need it, imported names might. */
  static void appendEscaped(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
  }
}
