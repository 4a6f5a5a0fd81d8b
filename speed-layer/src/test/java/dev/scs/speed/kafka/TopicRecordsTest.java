package dev.scs.speed.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.event.RejectionReason;
import dev.scs.scoring.view.Score;
import dev.scs.speed.fakes.TestEvents;
import dev.scs.speed.scoring.CitizenUpdate;
import dev.scs.speed.scoring.DeadLetter;
import dev.scs.speed.source.IncomingRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class TopicRecordsTest {

  @Test
  void aDeadLetterIsTheRejectedRecordByteForByteWithWhyAndWhereInHeaders() {
    byte[] value = {'{', (byte) 0xff, 'x'};
    byte[] key = "c-1".getBytes(StandardCharsets.UTF_8);
    IncomingRecord rejected = new IncomingRecord("citizen-events", 3, 1234, 0L, key, value);

    ProducerRecord<byte[], byte[]> record =
        TopicRecords.deadLetter(
            "citizen-events-dlq",
            new DeadLetter(rejected, RejectionReason.MALFORMED_JSON, "not JSON"));

    assertThat(record.topic()).isEqualTo("citizen-events-dlq");
    assertThat(record.key()).isEqualTo(key);
    assertThat(record.value()).isEqualTo(value);
    assertThat(header(record, TopicRecords.REASON)).isEqualTo("malformed_json");
    assertThat(header(record, TopicRecords.DETAIL)).isEqualTo("not JSON");
    assertThat(header(record, TopicRecords.SOURCE_TOPIC)).isEqualTo("citizen-events");
    assertThat(header(record, TopicRecords.SOURCE_PARTITION)).isEqualTo("3");
    assertThat(header(record, TopicRecords.SOURCE_OFFSET)).isEqualTo("1234");
    assertThat(header(record, TopicRecords.SOURCE_TIMESTAMP)).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void aScoreUpdateStatesTheScoreKeyedByCitizen() throws Exception {
    Score score = Score.of(-12.5, 3, ScoringConfigParser.parse(TestEvents.CONFIG));
    CitizenUpdate citizen =
        new CitizenUpdate("c-1", Map.of(), Set.of(), null, null, 0L, score, 1_000L);

    ProducerRecord<byte[], byte[]> record = TopicRecords.scoreUpdate("score-updates", citizen);

    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("c-1");
    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"citizen_id\":\"c-1\",\"raw\":-12.5,\"score\":987.50,\"tier\":\"standard\","
                + "\"firings\":3,\"as_of\":\"1970-01-01T00:00:01Z\"}");
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
