package dev.scs.scoring.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;

/**
 * An accepted event. {@code document} is the whole JSON object, which rule conditions and points
 * read by dot path ({@code payload.days_late}, {@code source}).
 */
public record Event(
    String eventId,
    String citizenId,
    EventType type,
    long occurredAt,
    String source,
    ObjectNode document) {

  /** Canonical order: ascending (occurred_at, event_id), event_id by code point (section 4). */
  public static final Comparator<Event> CANONICAL_ORDER =
      Comparator.comparingLong(Event::occurredAt)
          .thenComparing(Event::eventId, CodePointOrder.INSTANCE);

  public ObjectNode payload() {
    return (ObjectNode) document.get("payload");
  }

  /** The other citizen of a social tie event, or {@code null}. */
  public String otherCitizenId() {
    return type.namesOtherCitizen() ? payload().get("other_citizen_id").textValue() : null;
  }
}
