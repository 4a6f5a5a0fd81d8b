package dev.scs.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.time.Instants;
import dev.scs.scoring.view.LedgerScore;
import dev.scs.speed.fakes.ExpectedVectors;
import dev.scs.speed.fakes.ExpectedVectors.ExpectedScore;
import dev.scs.speed.fakes.KafkaLikeRecord;
import dev.scs.speed.fakes.VectorFeed;
import dev.scs.speed.kafka.TopicRecords;
import dev.scs.stores.kafka.KafkaClientProperties;
import dev.scs.testing.ScoringVectors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;

/**
 * A public vector case on an isolated stack: its events produced to the stack's event topic in
 * canonical order, each with the case's as-of instant as its timestamp (the ingestion time), and
 * the checks that the real stores hold the case's expected results.
 */
final class VectorsOnLocalStack {
  final IsolatedStack stack;
  final ScoringVectors.Case vectors;
  private final Map<String, Integer> lineByCoordinates = new HashMap<>();

  VectorsOnLocalStack(IsolatedStack stack, ScoringVectors.Case vectors) {
    this.stack = stack;
    this.vectors = vectors;
  }

  /** Sends the case's lines, accepted ones in canonical order, then the rejected ones. */
  void produce() throws Exception {
    VectorFeed feed = VectorFeed.inCanonicalOrder(vectors);
    try (KafkaProducer<byte[], byte[]> producer = producer(stack.config)) {
      for (KafkaLikeRecord record : feed.records()) {
        RecordMetadata sent =
            producer
                .send(
                    new ProducerRecord<>(
                        stack.config.eventsTopic(),
                        null,
                        record.getTimestamp().getTime(),
                        record.getKey(),
                        record.getValue()))
                .get();
        lineByCoordinates.put(
            sent.partition() + "/" + sent.offset(),
            feed.lineOf(
                record.getTopic() + "/" + record.getPartition() + "/" + record.getOffset()));
      }
    }
  }

  static KafkaProducer<byte[], byte[]> producer(SpeedLayerConfig config) {
    Properties properties = KafkaClientProperties.idempotentProducer(config.stores());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    properties.put(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(properties);
  }

  /** The ledger table, less the entries of {@code otherCitizens}, is the expected ledger. */
  void assertTheLedgerIsTheExpectedOne(List<Firing> ledger, List<String> otherCitizens) {
    List<Firing> ofVectors =
        ledger.stream().filter(firing -> !otherCitizens.contains(firing.citizenId())).toList();
    assertThat(keys(ofVectors)).isEqualTo(keys(ExpectedVectors.ledger(vectors)));
  }

  /**
   * Each citizen scored as of T (the as-of instant, its ingestion time) has the expected score; a
   * citizen whose latest firing is after T is scored as of that firing, as the ledger gives it.
   */
  void assertTheScoresAreTheExpectedOnes(Map<String, Document> scores) {
    long asOf = Instants.parseOrThrow(vectors.asOf(), "as_of");
    Map<String, List<Firing>> expectedLedger = new HashMap<>();
    ExpectedVectors.ledger(vectors)
        .forEach(
            firing ->
                expectedLedger
                    .computeIfAbsent(firing.citizenId(), id -> new ArrayList<>())
                    .add(firing));
    Map<String, ExpectedScore> expectedScores = ExpectedVectors.scores(vectors);
    assertThat(scores).containsKeys(expectedScores.keySet().toArray(String[]::new));
    expectedScores.forEach(
        (citizenId, expected) -> {
          Document actual = scores.get(citizenId);
          long scoredAt = actual.getDate("score_updated_at").getTime();
          if (scoredAt == asOf) {
            assertThat(actual.getDouble("raw"))
                .as(citizenId)
                .isCloseTo(expected.raw(), within(1e-6));
            assertThat(BigDecimal.valueOf(actual.getDouble("score")))
                .as(citizenId)
                .isEqualByComparingTo(expected.score());
            assertThat(actual.getString("tier")).as(citizenId).isEqualTo(expected.tier());
          } else {
            assertThat(scoredAt).as(citizenId).isGreaterThan(asOf);
            assertThat(actual.getDouble("raw"))
                .as(citizenId)
                .isCloseTo(
                    LedgerScore.rawAt(expectedLedger.get(citizenId), scoredAt), within(1e-6));
          }
        });
  }

  /**
   * The dead-letter topic holds the original bytes of exactly the expected rejects, each with its
   * reason; a record sent again after a crash has the same coordinates and counts once.
   *
   * @return how many dead letters were repeats
   */
  long assertTheDeadLettersAreTheExpectedRejects() {
    Map<Integer, String> deadLetters = new TreeMap<>();
    long records = 0;
    for (ConsumerRecord<byte[], byte[]> record :
        StoreContents.topic(stack.config, stack.config.deadLetterTopic())) {
      records++;
      String coordinates =
          StoreContents.header(record, TopicRecords.SOURCE_PARTITION)
              + "/"
              + StoreContents.header(record, TopicRecords.SOURCE_OFFSET);
      int line = lineByCoordinates.get(coordinates);
      deadLetters.put(line, StoreContents.header(record, TopicRecords.REASON));
      assertThat(record.value())
          .isEqualTo(vectors.eventLines().get(line - 1).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(deadLetters).isEqualTo(ExpectedVectors.rejects(vectors));
    return records - deadLetters.size();
  }

  /** Accepted, first-seen events of the case. */
  long acceptedEvents() {
    return vectors.eventLines().size() - vectors.expectedRejectLines().size();
  }

  private static List<String> keys(List<Firing> ledger) {
    return ledger.stream()
        .map(
            firing ->
                String.join(
                    "|",
                    firing.citizenId(),
                    String.valueOf(firing.occurredAt()),
                    firing.eventId(),
                    firing.ruleId(),
                    String.valueOf(firing.ruleVersion()),
                    firing.delta().stripTrailingZeros().toPlainString(),
                    String.valueOf(firing.halfLifeMillis())))
        .sorted()
        .toList();
  }
}
