package dev.scs.speed.scoring;

import dev.scs.scoring.event.Event;
import dev.scs.speed.source.IncomingRecord;
import java.nio.charset.StandardCharsets;

/**
 * An accepted, first-seen event with what the archive keeps of it: the fields it is looked up by,
 * the JSON exactly as received, and where and when it was ingested.
 */
public record AcceptedEvent(
    String eventId,
    String citizenId,
    String type,
    long occurredAt,
    String source,
    String rawJson,
    long ingestedAt,
    String topic,
    int partition,
    long offset) {

  /**
   * @param ingestedAt the record's ingestion time, raised to the micro-batch's floor
   */
  static AcceptedEvent of(Event event, IncomingRecord record, long ingestedAt) {
    return new AcceptedEvent(
        event.eventId(),
        event.citizenId(),
        event.type().wireName(),
        event.occurredAt(),
        event.source(),
        new String(record.value(), StandardCharsets.UTF_8),
        ingestedAt,
        record.topic(),
        record.partition(),
        record.offset());
  }
}
