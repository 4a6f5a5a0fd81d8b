package dev.scs.speed.dgraph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scs.scoring.event.EventType;
import dev.scs.speed.scoring.AcceptedEvent;
import dev.scs.stores.dgraph.TieChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tie changes among a micro-batch's accepted events, in canonical order (occurred_at, then
 * event_id), so that within a micro-batch the graph ends as the batch layer's graph_ties would: a
 * pair's two citizens are keyed to different partitions, and arrival order across partitions means
 * nothing. Across micro-batches the later batch wins, even for an older event: the graph is the
 * live one, and the nightly run's graph_ties in the lake is the authoritative one. Validation has
 * already checked the payload (both citizens registered, a known relation).
 */
final class TieEvents {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ADDED = EventType.SOCIAL_TIE_ADDED.wireName();
  private static final String REMOVED = EventType.SOCIAL_TIE_REMOVED.wireName();

  private TieEvents() {}

  private static final Comparator<AcceptedEvent> CANONICAL_ORDER =
      Comparator.comparingLong(AcceptedEvent::occurredAt).thenComparing(AcceptedEvent::eventId);

  static List<TieChange> changesIn(List<AcceptedEvent> accepted) {
    List<AcceptedEvent> tieEvents = new ArrayList<>();
    for (AcceptedEvent event : accepted) {
      if (event.type().equals(ADDED) || event.type().equals(REMOVED)) {
        tieEvents.add(event);
      }
    }
    // Event ids are ASCII (the event schema): String order is code point order there.
    tieEvents.sort(CANONICAL_ORDER);
    List<TieChange> changes = new ArrayList<>(tieEvents.size());
    for (AcceptedEvent event : tieEvents) {
      boolean added = event.type().equals(ADDED);
      JsonNode payload = payloadOf(event);
      String other = payload.path("other_citizen_id").asText();
      if (other.equals(event.citizenId())) {
        continue; // the contract accepts a tie to oneself; the graph, like graph_ties, has none
      }
      changes.add(
          new TieChange(event.citizenId(), other, payload.path("relation").asText(), added));
    }
    return changes;
  }

  private static JsonNode payloadOf(AcceptedEvent event) {
    try {
      return MAPPER.readTree(event.rawJson()).path("payload");
    } catch (IOException e) {
      throw new UncheckedIOException("accepted event " + event.eventId() + " is not JSON", e);
    }
  }
}
