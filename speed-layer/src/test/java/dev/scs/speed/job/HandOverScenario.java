package dev.scs.speed.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.event.EventValidator;
import dev.scs.scoring.replay.CitizenReplay;
import dev.scs.scoring.time.Instants;
import dev.scs.scoring.view.ScoreView;
import dev.scs.speed.fakes.ExpectedVectors;
import dev.scs.speed.fakes.KafkaLikeRecord;
import dev.scs.speed.fakes.VectorFeed;
import dev.scs.speed.port.OutcomeSink;
import dev.scs.speed.scoring.MicroBatchOutcome;
import dev.scs.speed.scoring.MicroBatchScorer;
import dev.scs.speed.scoring.PublishedRun;
import dev.scs.speed.scoring.RecordingLookups;
import dev.scs.speed.scoring.RefreshingRules;
import dev.scs.speed.scoring.RuleTexts;
import dev.scs.speed.scoring.ScoringRules;
import dev.scs.speed.scoring.StoredView;
import dev.scs.speed.source.IncomingRecord;
import dev.scs.testing.ScoringVectors;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hand-over between the batch and speed layers played step by step, with both races of
 * batch-layer/README.md made to happen, against any stores: in memory ({@code HandOverTest}) or the
 * real ones ({@code HandOverIT}). Public vector 1 arrives in canonical order, so the merged view
 * must equal the vector's canonical scores whatever the interleaving (contract, section 7):
 *
 * <ol>
 *   <li>micro-batch 1 commits: records ingested before W;
 *   <li>a batch run for W asks the speed layer to commit through W while micro-batch 2, more
 *       records ingested before W, is in flight: the run must not read the archive yet;
 *   <li>micro-batch 2 commits, the speed layer's floor reaches W, the run reads the archive (every
 *       record before W in it) and recomputes canonically;
 *   <li>micro-batch 3 reads its citizens' state, then the run publishes, then micro-batch 3 writes:
 *       rows relative to the old run, which readers must not use;
 *   <li>micro-batch 4 meets citizens with such rows and rebases them.
 * </ol>
 *
 * After steps 4 and 5, every citizen's merged score (batch view moved to T plus the speed side, as
 * a reader takes it) equals the canonical replay of the events processed so far, and every firing
 * is counted once: on the batch side or on the speed side, never both, never neither.
 */
public final class HandOverScenario {
  private static final String CASE = "public-1";

  /** What the scenario needs of the stores, besides the speed layer's own ports. */
  public interface Stores {
    SpeedLayerPorts ports();

    /** What a batch run writes into speed_progress: the watermark it waits for. */
    void want(long watermark);

    /** events_archive rows ingested before W: raw_json by event_id. */
    Map<String, String> archiveIngestedBefore(long watermark);

    /** What a batch run writes: batch_view and batch_rule_state rows, then published_run. */
    void publish(
        PublishedRun run,
        Map<String, StoredView> batchViews,
        Map<String, Map<String, long[]>> batchRuleState);

    /** speed_view rows: citizen_id to the row's watermark ({@code null} when untagged). */
    Map<String, Long> speedViewWatermarks();

    Map<String, StoredView> speedViews();

    /** ledger rows: each firing with its ingested_at. */
    Map<Firing, Long> ledger();
  }

  private final Stores stores;
  private final ScoringVectors.Case vectors = ScoringVectors.load(CASE);
  private final ScoringRules rules;
  private final long asOf;
  private final List<IncomingRecord> records = new ArrayList<>();
  private final int acceptedRecords;

  public HandOverScenario(Stores stores) {
    this.stores = stores;
    try {
      this.rules = ScoringRules.parse(new RuleTexts(vectors.rulesJson(), vectors.configJson()));
    } catch (Exception e) {
      throw new IllegalStateException("public vector 1's rules are valid", e);
    }
    this.asOf = Instants.parseOrThrow(vectors.asOf(), "as_of");
    for (KafkaLikeRecord record : VectorFeed.inCanonicalOrder(vectors).records()) {
      records.add(
          new IncomingRecord(
              record.getTopic(),
              record.getPartition(),
              record.getOffset(),
              record.getTimestamp().getTime(),
              record.getKey(),
              record.getValue()));
    }
    this.acceptedRecords = records.size() - VectorFeed.rejectedLines(vectors).size();
  }

  public List<String> citizenIds() {
    return ExpectedVectors.citizenIds(vectors);
  }

  /** The vector's citizens file, one JSON line each, as the seed command stores them. */
  public List<String> citizenLines() {
    return vectors.citizenLines();
  }

  public String rulesJson() {
    return vectors.rulesJson();
  }

  public String configJson() {
    return vectors.configJson();
  }

  public void play() {
    int second = acceptedRecords / 3;
    int third = 2 * acceptedRecords / 3;
    int fourth = 5 * acceptedRecords / 6;
    long watermark = occurredAt(records.get(third));
    // Records of micro-batches 1 and 2 reach Kafka just before W.
    List<IncomingRecord> beforeW = retimed(records.subList(0, third), watermark - 1);
    IngestionFloor floor =
        new IngestionFloor(
            stores.ports().progress(), Clock.fixed(Instant.ofEpochMilli(asOf), ZoneOffset.UTC));
    RefreshingRules refreshing = new RefreshingRules(stores.ports().rules());

    MicroBatchOutcome first = score(1, beforeW.subList(0, second), floor.begin(), refreshing);
    write(first);
    floor.committed();

    stores.want(watermark);
    MicroBatchOutcome inFlight =
        score(2, beforeW.subList(second, third), floor.begin(), refreshing);
    assertThat(committedThrough())
        .as("while micro-batch 2 is in flight, the speed layer has not committed through W")
        .isLessThan(watermark);
    write(inFlight);
    floor.committed();
    assertThat(committedThrough()).as("micro-batch 2 committed").isGreaterThanOrEqualTo(watermark);

    Map<String, String> archived = stores.archiveIngestedBefore(watermark);
    assertThat(archived).as("every record ingested before W is archived").hasSize(third);
    Batch batch = recompute(archived.values(), watermark);

    long floorOfThird = floor.begin();
    List<IncomingRecord> third3 = records.subList(third, fourth);
    RecordingLookups lookups =
        new RecordingLookups(
            refreshing,
            stores.ports().citizens(),
            stores.ports().claims(),
            stores.ports().states(),
            floorOfThird);
    MicroBatchOutcome thirdOutcome = new MicroBatchScorer().score(3, third3, lookups);
    stores.publish(batch.run(), batch.views(), batch.ruleState());
    write(thirdOutcome);
    floor.committed();

    assertThat(thirdOutcome.citizens())
        .as("micro-batch 3 read its state before the publish")
        .allSatisfy(citizen -> assertThat(citizen.speedViewWatermark()).isNull());
    Set<String> staleAfterThird = new HashSet<>();
    thirdOutcome.citizens().forEach(citizen -> staleAfterThird.add(citizen.citizenId()));
    assertMergedEqualsCanonical(batch, watermark, records.subList(0, fourth));

    MicroBatchOutcome fourthOutcome =
        score(4, records.subList(fourth, records.size()), floor.begin(), refreshing);
    write(fourthOutcome);
    floor.committed();

    Set<String> rebased = new HashSet<>();
    fourthOutcome.citizens().forEach(citizen -> rebased.add(citizen.citizenId()));
    rebased.retainAll(staleAfterThird);
    assertThat(rebased).as("citizens with rows relative to the old run, met again").isNotEmpty();
    Map<String, Long> tags = stores.speedViewWatermarks();
    rebased.forEach(citizen -> assertThat(tags.get(citizen)).as(citizen).isEqualTo(watermark));
    assertMergedEqualsCanonical(batch, watermark, records);
    assertMergedEqualsTheVectorsScores(batch, watermark);
  }

  private MicroBatchOutcome score(
      long batchId, List<IncomingRecord> batch, long ingestionFloor, RefreshingRules refreshing) {
    return new MicroBatchScorer()
        .score(
            batchId,
            batch,
            new RecordingLookups(
                refreshing,
                stores.ports().citizens(),
                stores.ports().claims(),
                stores.ports().states(),
                ingestionFloor));
  }

  private void write(MicroBatchOutcome outcome) {
    for (OutcomeSink sink : stores.ports().sinks()) {
      sink.write(outcome);
    }
  }

  private Long committedThrough() {
    Long committed = stores.ports().progress().read().committedThrough();
    return committed == null ? Long.MIN_VALUE : committed;
  }

  /**
   * What the batch layer computes for W: each citizen's canonical replay of its archived events.
   */
  private record Batch(
      PublishedRun run,
      Map<String, StoredView> views,
      Map<String, Map<String, long[]>> ruleState,
      Map<String, List<Firing>> ledger) {}

  private Batch recompute(Iterable<String> archivedJson, long watermark) {
    Map<String, List<Event>> byCitizen = new TreeMap<>();
    for (String json : archivedJson) {
      Event event = EventValidator.reread(json);
      byCitizen.computeIfAbsent(event.citizenId(), id -> new ArrayList<>()).add(event);
    }
    CitizenReplay replay = new CitizenReplay(rules.rules(), rules.config());
    Map<String, StoredView> views = new TreeMap<>();
    Map<String, Map<String, long[]>> state = new TreeMap<>();
    Map<String, List<Firing>> ledger = new TreeMap<>();
    byCitizen.forEach(
        (citizen, events) -> {
          CitizenReplay.Result result = replay.replay(events, watermark);
          ScoreView view = ScoreView.empty(watermark);
          result.ledger().forEach(view::add);
          views.put(citizen, StoredView.of(view));
          state.put(citizen, result.state().snapshot());
          ledger.put(citizen, result.ledger());
        });
    return new Batch(new PublishedRun("run-" + watermark, watermark), views, state, ledger);
  }

  /** Merged as a reader takes it, against a canonical replay of the records' accepted events. */
  private void assertMergedEqualsCanonical(
      Batch batch, long watermark, List<IncomingRecord> processed) {
    Map<String, List<Event>> byCitizen = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < processed.size() && i < acceptedRecords; i++) {
      Event event =
          EventValidator.reread(
              new String(processed.get(i).value(), java.nio.charset.StandardCharsets.UTF_8));
      if (seen.add(event.eventId())) {
        byCitizen.computeIfAbsent(event.citizenId(), id -> new ArrayList<>()).add(event);
      }
    }
    CitizenReplay replay = new CitizenReplay(rules.rules(), rules.config());
    Map<Firing, Long> ledger = stores.ledger();
    Set<String> speedFirings = new HashSet<>();
    ledger.forEach(
        (firing, ingestedAt) -> {
          if (ingestedAt >= watermark) {
            speedFirings.add(firing.eventId() + "/" + firing.ruleId());
          }
        });
    Set<String> batchFirings = new HashSet<>();
    batch
        .ledger()
        .values()
        .forEach(list -> list.forEach(f -> batchFirings.add(f.eventId() + "/" + f.ruleId())));
    Set<String> both = new HashSet<>(batchFirings);
    both.retainAll(speedFirings);
    assertThat(both).as("firings counted on both sides of W").isEmpty();
    Set<String> canonicalFirings = new HashSet<>();
    byCitizen.forEach(
        (citizen, events) -> {
          ScoreView merged = merged(citizen, batch, watermark);
          // An event may lie up to max_future_skew after as_of: compare where the sums are exact.
          long at = Math.max(asOf, merged.latestFiringAt());
          CitizenReplay.Result canonical = replay.replay(events, at);
          canonical.ledger().forEach(f -> canonicalFirings.add(f.eventId() + "/" + f.ruleId()));
          assertThat(merged.rawAt(at)).as(citizen).isCloseTo(canonical.score().raw(), within(1e-6));
          assertThat(merged.firings()).as(citizen).isEqualTo(canonical.ledger().size());
        });
    Set<String> counted = new HashSet<>(batchFirings);
    counted.addAll(speedFirings);
    assertThat(counted).as("every firing counted once, on one side").isEqualTo(canonicalFirings);
  }

  private void assertMergedEqualsTheVectorsScores(Batch batch, long watermark) {
    Map<String, ExpectedVectors.ExpectedScore> expected = ExpectedVectors.scores(vectors);
    assertThat(expected).isNotEmpty();
    int compared = 0;
    for (Map.Entry<String, ExpectedVectors.ExpectedScore> entry : expected.entrySet()) {
      ScoreView merged = merged(entry.getKey(), batch, watermark);
      // A citizen with a firing after as_of is scored from the ledger there, not from the views.
      if (merged.isExactAt(asOf)) {
        assertThat(merged.rawAt(asOf))
            .as(entry.getKey())
            .isCloseTo(entry.getValue().raw(), within(1e-6));
        assertThat(merged.firings()).as(entry.getKey()).isEqualTo(entry.getValue().firings());
        compared++;
      }
    }
    assertThat(compared).as("citizens compared with the vector").isGreaterThan(expected.size() / 2);
  }

  /**
   * The reader's rule (keyspace.cql): the batch view, plus the speed_view row if it is tagged with
   * the published W, else the citizen's ledger rows ingested at or after W.
   */
  private ScoreView merged(String citizen, Batch batch, long watermark) {
    ScoreView merged = ScoreView.empty(asOf);
    StoredView batchView = batch.views().get(citizen);
    if (batchView != null) {
      merged = merged.plus(batchView.toScoreView().movedTo(asOf));
    }
    Long tag = stores.speedViewWatermarks().get(citizen);
    StoredView speedRow = stores.speedViews().get(citizen);
    ScoreView speed;
    if (speedRow != null && tag != null && tag == watermark) {
      speed = speedRow.toScoreView();
    } else {
      speed = ScoreView.empty(watermark);
      Map<Firing, Long> ledger = stores.ledger();
      for (Map.Entry<Firing, Long> row : ledger.entrySet()) {
        if (row.getKey().citizenId().equals(citizen) && row.getValue() >= watermark) {
          speed.add(row.getKey());
        }
      }
    }
    return merged.plus(speed.movedTo(asOf));
  }

  private static long occurredAt(IncomingRecord record) {
    return EventValidator.reread(
            new String(record.value(), java.nio.charset.StandardCharsets.UTF_8))
        .occurredAt();
  }

  private static List<IncomingRecord> retimed(List<IncomingRecord> records, long timestamp) {
    List<IncomingRecord> retimed = new ArrayList<>();
    for (IncomingRecord record : records) {
      retimed.add(
          new IncomingRecord(
              record.topic(),
              record.partition(),
              record.offset(),
              timestamp,
              record.key(),
              record.value()));
    }
    return retimed;
  }
}
