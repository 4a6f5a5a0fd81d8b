package dev.scs.speed.scoring;

import static dev.scs.speed.fakes.TestEvents.CONFIG;
import static dev.scs.speed.fakes.TestEvents.ruleSet;
import static dev.scs.speed.fakes.TestEvents.taxFiled;
import static dev.scs.speed.fakes.TestEvents.taxRule;
import static dev.scs.speed.fakes.TestEvents.tieAdded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scs.scoring.event.RejectionReason;
import dev.scs.scoring.time.Instants;
import dev.scs.speed.fakes.InMemoryRuleSource;
import dev.scs.speed.fakes.InMemoryStores;
import dev.scs.speed.job.CheckpointFiles;
import dev.scs.speed.source.IncomingRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroBatchScorerTest {
  private static final long INGESTED_AT = at("2026-06-01T00:00:00Z");
  private static final long DAY = 86_400_000L;
  private static final long HALF_LIFE = 180 * DAY;
  private static final String ONE_POINT_DAILY =
      ruleSet(taxRule(1, "10", "P1D", "2026-01-01T00:00:00Z", null));

  private final InMemoryStores stores = new InMemoryStores().register(List.of("c-1", "c-2"));
  private final InMemoryRuleSource rules = new InMemoryRuleSource(ONE_POINT_DAILY, CONFIG);
  private final List<IncomingRecord> records = new ArrayList<>();

  @Test
  void anEventAboutAnUnregisteredCitizenIsRejectedAsUnknownCitizen() {
    add(0, taxFiled("e-1", "c-9", "2026-05-01T00:00:00Z"));

    MicroBatchOutcome outcome = score();

    assertThat(outcome.rejects())
        .singleElement()
        .satisfies(
            reject -> {
              assertThat(reject.reason()).isEqualTo(RejectionReason.UNKNOWN_CITIZEN);
              assertThat(reject.detail()).contains("c-9");
            });
    assertThat(outcome.accepted()).isEmpty();
  }

  @Test
  void aTieToAnUnregisteredCitizenIsRejectedAsUnknownCitizen() {
    add(0, tieAdded("e-1", "c-1", "c-9", "2026-05-01T00:00:00Z"));

    assertThat(score().rejects())
        .singleElement()
        .satisfies(
            reject -> {
              assertThat(reject.reason()).isEqualTo(RejectionReason.UNKNOWN_CITIZEN);
              assertThat(reject.detail()).contains("other_citizen_id", "c-9");
            });
  }

  @Test
  void aRecordWithoutAValueIsMalformedJsonAndKeepsItsCoordinates() {
    records.add(new IncomingRecord("citizen-events", 1, 41, INGESTED_AT, null, null));

    assertThat(score().rejects())
        .singleElement()
        .satisfies(
            reject -> {
              assertThat(reject.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
              assertThat(reject.record().coordinates()).isEqualTo("citizen-events/1/41");
            });
  }

  @Test
  void anEventLaterThanItsIngestionPlusTheSkewIsAFutureEvent() {
    add(0, taxFiled("e-1", "c-1", "2026-06-01T00:05:00.001Z"));
    add(1, taxFiled("e-2", "c-1", "2026-06-01T00:05:00Z"));

    MicroBatchOutcome outcome = score();

    assertThat(outcome.rejects())
        .singleElement()
        .satisfies(reject -> assertThat(reject.reason()).isEqualTo(RejectionReason.FUTURE_EVENT));
    assertThat(outcome.accepted()).extracting(AcceptedEvent::eventId).containsExactly("e-2");
  }

  @Test
  void ofTwoCopiesInOneMicroBatchTheEarlierOffsetIsKeptWhateverTheListOrder() {
    add(7, taxFiled("e-1", "c-1", "2026-05-02T00:00:00Z"));
    add(3, taxFiled("e-1", "c-1", "2026-05-01T00:00:00Z"));

    MicroBatchOutcome outcome = score();

    assertThat(outcome.accepted()).singleElement().extracting(AcceptedEvent::offset).isEqualTo(3L);
    assertThat(outcome.rejects())
        .singleElement()
        .satisfies(
            reject -> {
              assertThat(reject.reason()).isEqualTo(RejectionReason.DUPLICATE);
              assertThat(reject.record().offset()).isEqualTo(7);
            });
  }

  @Test
  void anEventIdAcceptedByAnEarlierMicroBatchIsADuplicateWhateverItsContent() {
    add(0, taxFiled("e-1", "c-1", "2026-05-01T00:00:00Z"));
    stores.stateSink().write(score());
    records.clear();
    add(1, taxFiled("e-1", "c-2", "2026-05-03T00:00:00Z"));

    MicroBatchOutcome outcome = score();

    assertThat(outcome.accepted()).isEmpty();
    assertThat(outcome.rejects())
        .singleElement()
        .extracting(DeadLetter::reason)
        .isEqualTo(RejectionReason.DUPLICATE);
  }

  @Test
  void eventsAreEvaluatedInArrivalOrderSoALateEventCanBeBlockedByALaterOne() {
    add(0, taxFiled("e-late", "c-1", "2026-05-01T12:00:00Z"));
    add(1, taxFiled("e-early", "c-1", "2026-05-01T06:00:00Z"));

    MicroBatchOutcome outcome = score();

    // Canonically e-early fires and blocks e-late; arriving first, e-late fires and blocks e-early.
    assertThat(outcome.firings())
        .extracting(scored -> scored.firing().eventId())
        .containsExactly("e-late");
  }

  @Test
  void theCooldownLeftByTheBatchRunBlocksTheSpeedLayer() {
    long firedAt = at("2026-05-01T00:00:00Z");
    stores.publishBatchRun(
        new PublishedRun("run-1", at("2026-05-02T00:00:00Z")),
        "c-1",
        new StoredView(firedAt, Map.of(HALF_LIFE, 10.0), firedAt, 1),
        Map.of("tax", new long[] {firedAt}));
    add(0, taxFiled("e-1", "c-1", "2026-05-01T23:00:00Z"));
    add(1, taxFiled("e-2", "c-1", "2026-05-02T00:00:00Z"));

    MicroBatchOutcome outcome = score();

    assertThat(outcome.firings())
        .extracting(scored -> scored.firing().eventId())
        .containsExactly("e-2");
    CitizenUpdate citizen = outcome.citizens().get(0);
    // The batch's firing is a day old now: it can block nothing more, so it is no longer kept.
    assertThat(citizen.ruleState().get("tax")).containsExactly(at("2026-05-02T00:00:00Z"));
    assertThat(citizen.speedViewWatermark()).isEqualTo(at("2026-05-02T00:00:00Z"));
  }

  @Test
  void theCurrentScoreIsTheBatchViewMovedToTheIngestionInstantPlusTheSpeedView() {
    long batchFiring = at("2026-05-01T00:00:00Z");
    stores.publishBatchRun(
        new PublishedRun("run-1", at("2026-05-02T00:00:00Z")),
        "c-1",
        new StoredView(batchFiring, Map.of(HALF_LIFE, 10.0), batchFiring, 1),
        Map.of());
    add(0, taxFiled("e-1", "c-1", "2026-05-10T00:00:00Z"));

    CitizenUpdate citizen = score().citizens().get(0);

    long speedFiring = at("2026-05-10T00:00:00Z");
    double expectedRaw =
        10.0 * Math.pow(2, -(double) (INGESTED_AT - batchFiring) / HALF_LIFE)
            + 10.0 * Math.pow(2, -(double) (INGESTED_AT - speedFiring) / HALF_LIFE);
    assertThat(citizen.scoreAsOf()).isEqualTo(INGESTED_AT);
    assertThat(citizen.score().raw()).isCloseTo(expectedRaw, within(1e-9));
    assertThat(citizen.score().firings()).isEqualTo(2);
  }

  @Test
  void anEventWithinTheSkewAfterItsIngestionIsScoredAsOfItsOwnTime() {
    add(0, taxFiled("e-1", "c-1", "2026-06-01T00:04:00Z"));

    CitizenUpdate citizen = score().citizens().get(0);

    assertThat(citizen.scoreAsOf()).isEqualTo(at("2026-06-01T00:04:00Z"));
    assertThat(citizen.score().raw()).isEqualTo(10.0);
  }

  @Test
  void aRecordOlderThanTheIngestionFloorCountsAsIngestedAtTheFloorEverywhere() {
    long floor = INGESTED_AT + DAY;
    add(0, taxFiled("e-1", "c-1", "2026-06-02T00:04:00Z"));
    add(1, taxFiled("e-2", "c-2", "2026-06-02T00:05:00.001Z"));

    MicroBatchOutcome outcome =
        new MicroBatchScorer()
            .score(
                0,
                records,
                new RecordingLookups(new RefreshingRules(rules), stores, stores, stores, floor));

    // Validated against the floor: within the skew after it, and just beyond it.
    assertThat(outcome.accepted())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.eventId()).isEqualTo("e-1");
              assertThat(event.ingestedAt()).isEqualTo(floor);
            });
    assertThat(outcome.rejects())
        .singleElement()
        .extracting(DeadLetter::reason)
        .isEqualTo(RejectionReason.FUTURE_EVENT);
    assertThat(outcome.firings())
        .singleElement()
        .satisfies(f -> assertThat(f.ingestedAt()).isEqualTo(floor));
    assertThat(outcome.citizens().get(0).ingestedAt()).isEqualTo(floor);
  }

  @Test
  void aRecordNewerThanTheFloorKeepsItsTimestamp() {
    add(0, taxFiled("e-1", "c-1", "2026-05-01T00:00:00Z"));

    MicroBatchOutcome outcome =
        new MicroBatchScorer()
            .score(
                0,
                records,
                new RecordingLookups(
                    new RefreshingRules(rules), stores, stores, stores, INGESTED_AT - DAY));

    assertThat(outcome.accepted().get(0).ingestedAt()).isEqualTo(INGESTED_AT);
  }

  @Test
  void theJournaledInputsGiveAnEqualOutcomeAfterARoundTripThroughTheCheckpoint(
      @TempDir Path checkpoint) throws Exception {
    long firedAt = at("2026-05-01T00:00:00Z");
    stores.publishBatchRun(
        new PublishedRun("run-1", firedAt),
        "c-1",
        new StoredView(firedAt, Map.of(HALF_LIFE, 10.123456789), firedAt, 1),
        Map.of("tax", new long[] {firedAt}));
    add(0, taxFiled("e-1", "c-1", "2026-05-03T00:00:00Z"));
    add(1, taxFiled("e-1", "c-1", "2026-05-04T00:00:00Z"));
    add(2, "not json");
    RecordingLookups lookups = lookups();
    MicroBatchOutcome first = new MicroBatchScorer().score(5, records, lookups);

    CheckpointFiles files = new CheckpointFiles(new Configuration(), checkpoint.toString());
    files.journal(5, lookups.recorded());
    BatchInputs journaled = files.journaled(5).orElseThrow();
    MicroBatchOutcome replayed = new MicroBatchScorer().score(5, records, journaled.replay());

    ObjectMapper json = new ObjectMapper();
    assertThat(json.writeValueAsString(replayed)).isEqualTo(json.writeValueAsString(first));
  }

  private void add(long offset, String value) {
    records.add(
        new IncomingRecord(
            "citizen-events",
            0,
            offset,
            INGESTED_AT,
            null,
            value.getBytes(StandardCharsets.UTF_8)));
  }

  private MicroBatchOutcome score() {
    return new MicroBatchScorer().score(0, records, lookups());
  }

  private RecordingLookups lookups() {
    return new RecordingLookups(new RefreshingRules(rules), stores, stores, stores, Long.MIN_VALUE);
  }

  private static long at(String instant) {
    return Instants.parseOrThrow(instant, "instant");
  }
}
