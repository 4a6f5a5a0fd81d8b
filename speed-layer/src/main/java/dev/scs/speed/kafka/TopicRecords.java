package dev.scs.speed.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.time.Instants;
import dev.scs.speed.scoring.CitizenUpdate;
import dev.scs.speed.scoring.DeadLetter;
import dev.scs.speed.source.IncomingRecord;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The records the speed layer sends: dead letters and score updates. */
public final class TopicRecords {
  /** Headers of a dead letter; its key and value are the rejected record's, byte for byte. */
  public static final String REASON = "scs.reason";

  public static final String DETAIL = "scs.detail";
  public static final String SOURCE_TOPIC = "scs.source.topic";
  public static final String SOURCE_PARTITION = "scs.source.partition";
  public static final String SOURCE_OFFSET = "scs.source.offset";
  public static final String SOURCE_TIMESTAMP = "scs.source.timestamp";

  private TopicRecords() {}

  /**
   * The rejected record, unchanged, with why and where from in headers. Its coordinates identify
   * it: a reader that sees the same coordinates twice (a re-run micro-batch) has a repeat.
   */
  public static ProducerRecord<byte[], byte[]> deadLetter(String topic, DeadLetter deadLetter) {
    IncomingRecord record = deadLetter.record();
    RecordHeaders headers = new RecordHeaders();
    headers.add(REASON, utf8(deadLetter.reason().code()));
    if (deadLetter.detail() != null) {
      headers.add(DETAIL, utf8(deadLetter.detail()));
    }
    headers.add(SOURCE_TOPIC, utf8(record.topic()));
    headers.add(SOURCE_PARTITION, utf8(String.valueOf(record.partition())));
    headers.add(SOURCE_OFFSET, utf8(String.valueOf(record.offset())));
    headers.add(SOURCE_TIMESTAMP, utf8(Instants.format(record.timestamp())));
    return new ProducerRecord<>(topic, null, null, record.key(), record.value(), headers);
  }

  /**
   * A citizen's score after a micro-batch, keyed by citizen_id. It states the score rather than a
   * change, so a repeat (a re-run micro-batch) tells a reader nothing new.
   */
  public static ProducerRecord<byte[], byte[]> scoreUpdate(String topic, CitizenUpdate citizen) {
    ObjectNode update = Json.mapper().createObjectNode();
    update.put("citizen_id", citizen.citizenId());
    update.put("raw", citizen.score().raw());
    update.put("score", citizen.score().score());
    update.put("tier", citizen.score().tier());
    update.put("firings", citizen.score().firings());
    update.put("as_of", Instants.format(citizen.scoreAsOf()));
    try {
      return new ProducerRecord<>(
          topic, utf8(citizen.citizenId()), Json.mapper().writeValueAsBytes(update));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a score update", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
