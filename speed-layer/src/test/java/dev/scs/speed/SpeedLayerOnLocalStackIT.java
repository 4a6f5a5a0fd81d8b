package dev.scs.speed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.time.Instants;
import dev.scs.speed.fakes.TestEvents;
import dev.scs.speed.influxdb.InfluxPoints;
import dev.scs.speed.job.LocalSparkSession;
import dev.scs.speed.metrics.InfluxMetricsReporter;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.ScoringVectors;
import dev.scs.testing.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public vectors produced to a topic of their own in canonical order, each ingested at the
 * case's as-of instant (the record timestamp), streamed with every real sink, then every store
 * checked against the expected results. Two recent events of another citizen are added, because the
 * vectors are older than the events bucket's retention and would leave it empty.
 */
@RequiresLocalStack({
  Service.KAFKA,
  Service.CASSANDRA,
  Service.MONGODB,
  Service.INFLUXDB,
  Service.DGRAPH
})
class SpeedLayerOnLocalStackIT {
  private static final String RECENT_CITIZEN = "recent-1";

  @TempDir Path workFolder;

  private IsolatedStack stack;
  private VectorsOnLocalStack vectors;

  @BeforeEach
  void seedAnIsolatedStack(LocalStackAddresses addresses) throws Exception {
    // Several micro-batches, so that state crosses them.
    stack =
        new IsolatedStack(
            addresses, workFolder, Map.of(SpeedLayerConfig.MAX_OFFSETS_PER_TRIGGER, "300"));
    ScoringVectors.Case publicCase = ScoringVectors.load(ScoringVectors.caseNames().get(0));
    List<String> citizens = new ArrayList<>(publicCase.citizenLines());
    citizens.add("{\"citizen_id\": \"" + RECENT_CITIZEN + "\"}");
    stack.seed(publicCase.rulesJson(), publicCase.configJson(), citizens);
    vectors = new VectorsOnLocalStack(stack, publicCase);
  }

  @AfterEach
  void removeTheStack() {
    stack.close();
  }

  @Test
  void thePublicVectorsStreamedToEveryStoreGiveTheExpectedLedgerScoresPointsAndRejects()
      throws Exception {
    vectors.produce();
    produceTwoRecentEvents();

    try (SpeedLayerStores stores = SpeedLayerStores.open(stack.config);
        KafkaSpeedLayer speedLayer =
            new KafkaSpeedLayer(
                LocalSparkSession.get(), stack.config, stores, Clock.systemUTC(), true)) {
      speedLayer.start().awaitTermination();
    }

    List<Firing> ledger = StoreContents.ledger(stack.config);
    vectors.assertTheLedgerIsTheExpectedOne(ledger, List.of(RECENT_CITIZEN));
    assertThat(ledger).filteredOn(firing -> firing.citizenId().equals(RECENT_CITIZEN)).isNotEmpty();
    Map<String, Document> scores = StoreContents.scores(stack.config);
    vectors.assertTheScoresAreTheExpectedOnes(scores);
    assertThat(scores).hasSize(ScoringVectors.load("public-1").expectedScoreLines().size() + 1);
    assertThat(vectors.assertTheDeadLettersAreTheExpectedRejects()).isZero();
    assertThat(StoreContents.count(stack.config, "events_archive"))
        .isEqualTo(StoreContents.count(stack.config, "event_ids"))
        .isEqualTo(vectors.acceptedEvents() + 2);
    // One point per firing and per recent event: none overwrote another.
    assertThat(points("scs_scores", InfluxPoints.SCORE_CHANGE, "delta")).isEqualTo(ledger.size());
    assertThat(points("scs_events", InfluxPoints.EVENT, "event_id")).isEqualTo(2);
    assertTheMetricsCount(ledger.size());
    assertEachCitizensLastScoreUpdateIsItsScore(scores);
    GraphOnLocalStack.assertTheGraphHoldsTheScoresAndTies(
        stack.config, vectors.vectors, stack.citizensInTheGraph(), scores);
  }

  private void produceTwoRecentEvents() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (KafkaProducer<byte[], byte[]> producer = VectorsOnLocalStack.producer(stack.config)) {
      for (int hour = 1; hour <= 2; hour++) {
        String event =
            TestEvents.taxFiled(
                "recent-" + hour,
                RECENT_CITIZEN,
                Instants.format(now.minus(hour, ChronoUnit.HOURS).toEpochMilli()));
        producer
            .send(
                new ProducerRecord<>(
                    stack.config.eventsTopic(),
                    null,
                    now.toEpochMilli(),
                    RECENT_CITIZEN.getBytes(StandardCharsets.UTF_8),
                    event.getBytes(StandardCharsets.UTF_8)))
            .get();
      }
    }
  }

  /** Spark reports a batch's progress to listeners asynchronously: the last one may lag. */
  private void assertTheMetricsCount(long firings) throws Exception {
    Path metricsFile = Path.of(stack.config.metricsFile());
    String expectedFirings = "scs_speed_firings_total " + firings + "\n";
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline
        && !(Files.exists(metricsFile)
            && Files.readString(metricsFile).contains(expectedFirings))) {
      Thread.sleep(200);
    }
    assertThat(metricsFile)
        .content()
        .contains(expectedFirings)
        .contains("scs_speed_rejects_total{reason=\"duplicate\"} 1\n")
        .contains("scs_speed_consumer_lag_records 0\n");
    long microBatches =
        Files.readAllLines(metricsFile).stream()
            .filter(line -> line.startsWith("scs_speed_micro_batches_total "))
            .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(' ') + 1)))
            .sum();
    assertThat(microBatches).isGreaterThanOrEqualTo(3);
    assertThat(points("scs_pipeline", InfluxMetricsReporter.MEASUREMENT, "firings"))
        .isEqualTo(microBatches);
  }

  private void assertEachCitizensLastScoreUpdateIsItsScore(Map<String, Document> scores) {
    Map<String, String> lastUpdateByCitizen = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record :
        StoreContents.topic(stack.config, stack.config.scoreUpdatesTopic())) {
      lastUpdateByCitizen.put(
          new String(record.key(), StandardCharsets.UTF_8),
          new String(record.value(), StandardCharsets.UTF_8));
    }
    assertThat(lastUpdateByCitizen).hasSameSizeAs(scores);
    scores.forEach(
        (citizenId, document) ->
            assertThat(lastUpdateByCitizen.get(citizenId))
                .contains("\"tier\":\"" + document.getString("tier") + "\""));
  }

  private long points(String bucket, String measurement, String field) {
    return StoreContents.points(
        stack.config, bucket + stack.config.influxdbBucketSuffix(), measurement, field);
  }
}
