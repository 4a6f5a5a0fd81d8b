package dev.scs.serving.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of the live events. Field names are snake_case like the REST API's.
 *
 * <ul>
 *   <li>{@code snapshot}: sent first to each client: {@code status} and {@code changes} (newest
 *       first) and the {@code rates} fields;
 *   <li>{@code change}: one {@link ScoreChange};
 *   <li>{@code rates}: every second: the {@link RollingRates.Rates}, the feed's {@code state}
 *       ({@code reading}, {@code waiting} or {@code failing}) and {@code status} (one line), {@code
 *       clients}, {@code dropped_clients}, {@code malformed_records}, {@code last_change_at}.
 * </ul>
 */
final class LiveMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LiveMessages() {}

  static LiveMessage change(ScoreChange change) {
    return new LiveMessage("change", render(changeNode(change)));
  }

  static LiveMessage rates(FeedStatus status) {
    return new LiveMessage("rates", render(statusNode(status)));
  }

  static LiveMessage snapshot(FeedStatus status, List<ScoreChange> newestFirst) {
    ObjectNode node = statusNode(status);
    ArrayNode changes = node.putArray("changes");
    newestFirst.forEach(change -> changes.add(changeNode(change)));
    return new LiveMessage("snapshot", render(node));
  }

  private static ObjectNode changeNode(ScoreChange change) {
    ObjectNode node = JSON.createObjectNode();
    node.put("citizen_id", change.citizenId());
    node.put("score", change.score());
    node.put("previous_score", change.previousScore());
    node.put("tier", change.tier());
    node.put("previous_tier", change.previousTier());
    node.put("new_firings", change.newFirings());
    node.put("as_of", change.asOf());
    node.put("received_at", Instant.ofEpochMilli(change.receivedAtMillis()).toString());
    return node;
  }

  private static ObjectNode statusNode(FeedStatus status) {
    ObjectNode node = JSON.createObjectNode();
    RollingRates.Rates rates = status.rates();
    node.put("status", status.description());
    node.put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
    node.put("updates_per_second", rates.updatesPerSecond());
    node.put("firings_per_second", rates.firingsPerSecond());
    node.put("window_seconds", rates.windowSeconds());
    node.put("updates_total", rates.updatesTotal());
    node.put("firings_total", rates.firingsTotal());
    node.put("clients", status.clients());
    node.put("dropped_clients", status.droppedClients());
    node.put("malformed_records", status.malformedRecords());
    node.put(
        "last_change_at",
        status.lastChangeAtMillis() == null
            ? null
            : Instant.ofEpochMilli(status.lastChangeAtMillis()).toString());
    return node;
  }

  private static String render(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a live message", e);
    }
  }
}
