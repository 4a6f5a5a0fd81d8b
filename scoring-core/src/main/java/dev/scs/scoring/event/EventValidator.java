package dev.scs.scoring.event;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.time.Instants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Turns the bytes of one record into an accepted {@link Event} or a rejection with the contract's
 * reason (section 2). Never throws on bad input.
 *
 * <p>Checks run in the order of the contract's table: the bytes must be one JSON object; the
 * envelope must be well formed; the type must be in the catalog; its payload must be well formed;
 * the event must not lie in the future of its ingestion; its citizens must be registered.
 * Duplicates are decided afterwards, among accepted events, by whoever sees the stream.
 */
public final class EventValidator {
  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final long maxFutureSkewMillis;
  private final CitizenRegistry citizens;

  public EventValidator(long maxFutureSkewMillis, CitizenRegistry citizens) {
    this.maxFutureSkewMillis = maxFutureSkewMillis;
    this.citizens = citizens;
  }

  public EventVerdict validate(String line, long ingestedAt) {
    return validate(line.getBytes(StandardCharsets.UTF_8), ingestedAt);
  }

  /** Validates one record ingested at {@code ingestedAt} (epoch ms). */
  public EventVerdict validate(byte[] bytes, long ingestedAt) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(bytes);
    } catch (JacksonException e) {
      return reject(RejectionReason.MALFORMED_JSON, "not JSON: " + e.getOriginalMessage(), null);
    } catch (IOException e) {
      return reject(RejectionReason.MALFORMED_JSON, "unreadable: " + e.getMessage(), null);
    }
    if (root == null || !root.isObject()) {
      return reject(RejectionReason.MALFORMED_JSON, "not one JSON object", null);
    }
    return validate((ObjectNode) root, ingestedAt);
  }

  /**
   * Reads again an event that was accepted before (from an archive, or across a shuffle, where only
   * its JSON text travels). Fails loudly, since such a record was validated already.
   */
  public static Event reread(String acceptedJson) {
    EventVerdict verdict =
        new EventValidator(Long.MAX_VALUE / 4, CitizenRegistry.ANYONE).validate(acceptedJson, 0L);
    if (verdict instanceof EventVerdict.Accepted accepted) {
      return accepted.event();
    }
    throw new IllegalStateException(
        "a record accepted earlier no longer validates: "
            + ((EventVerdict.Rejected) verdict).detail());
  }

  private EventVerdict validate(ObjectNode root, long ingestedAt) {
    String eventId = text(root, "event_id");
    String citizenId = text(root, "citizen_id");
    String typeName = text(root, "type");
    String occurredAtText = text(root, "occurred_at");
    String source = text(root, "source");
    JsonNode schemaVersion = root.get("schema_version");
    JsonNode payload = root.get("payload");

    if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
      return violation("event_id must be 1-64 of [A-Za-z0-9._:-]", root);
    }
    if (citizenId == null || !PayloadCatalog.CITIZEN_ID.matcher(citizenId).matches()) {
      return violation("citizen_id must be 1-40 of [a-z0-9-]", root);
    }
    if (typeName == null) {
      return violation("type must be a string", root);
    }
    OptionalLong occurredAt =
        occurredAtText == null ? OptionalLong.empty() : Instants.parse(occurredAtText);
    if (occurredAt.isEmpty()) {
      return violation("occurred_at must be an RFC 3339 instant", root);
    }
    if (source == null || source.isEmpty() || source.codePointCount(0, source.length()) > 64) {
      return violation("source must be a string of 1-64 characters", root);
    }
    if (!Json.isInteger(schemaVersion)
        || !schemaVersion.canConvertToLong()
        || schemaVersion.longValue() != 1) {
      return violation("schema_version must be the integer 1", root);
    }
    if (payload == null || !payload.isObject()) {
      return violation("payload must be an object", root);
    }
    EventType type = EventType.fromWireName(typeName);
    if (type == null) {
      return reject(
          RejectionReason.UNKNOWN_TYPE, "type '" + typeName + "' is not in the catalog", root);
    }
    String payloadViolation = PayloadCatalog.violation(type, (ObjectNode) payload);
    if (payloadViolation != null) {
      return violation(payloadViolation, root);
    }
    if (occurredAt.getAsLong() > ingestedAt + maxFutureSkewMillis) {
      return reject(
          RejectionReason.FUTURE_EVENT,
          "occurred_at "
              + occurredAtText
              + " is later than ingestion time "
              + Instants.format(ingestedAt)
              + " plus max_future_skew",
          root);
    }
    if (!citizens.isRegistered(citizenId)) {
      return reject(
          RejectionReason.UNKNOWN_CITIZEN,
          "citizen_id '" + citizenId + "' is not registered",
          root);
    }
    Event event = new Event(eventId, citizenId, type, occurredAt.getAsLong(), source, root);
    String other = event.otherCitizenId();
    if (other != null && !citizens.isRegistered(other)) {
      return reject(
          RejectionReason.UNKNOWN_CITIZEN,
          "payload.other_citizen_id '" + other + "' is not registered",
          root);
    }
    return new EventVerdict.Accepted(event);
  }

  private static String text(ObjectNode root, String field) {
    JsonNode node = root.get(field);
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  private static EventVerdict violation(String detail, ObjectNode root) {
    return reject(RejectionReason.SCHEMA_VIOLATION, detail, root);
  }

  private static EventVerdict reject(RejectionReason reason, String detail, ObjectNode root) {
    String eventId = root == null ? null : text(root, "event_id");
    String citizenId = root == null ? null : text(root, "citizen_id");
    return new EventVerdict.Rejected(reason, detail, eventId, citizenId);
  }
}
