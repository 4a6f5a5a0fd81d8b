package dev.scs.speed.fakes;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.event.CodePointOrder;
import dev.scs.speed.port.CitizenDirectory;
import dev.scs.speed.port.CitizenStateStore;
import dev.scs.speed.port.EventIdClaims;
import dev.scs.speed.port.OutcomeSink;
import dev.scs.speed.port.SpeedProgressStore;
import dev.scs.speed.scoring.AcceptedEvent;
import dev.scs.speed.scoring.CitizenState;
import dev.scs.speed.scoring.CitizenStates;
import dev.scs.speed.scoring.CitizenUpdate;
import dev.scs.speed.scoring.MicroBatchOutcome;
import dev.scs.speed.scoring.PublishedRun;
import dev.scs.speed.scoring.SpeedSideRebase;
import dev.scs.speed.scoring.StoredView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The speed layer's stores, in memory, with the semantics of the real ones: the Cassandra tables
 * and the MongoDB documents are upserted by key, so writing a row twice leaves one row; the topics
 * append, so sending twice leaves two records. Like the Cassandra reader, {@link #load} rebases a
 * citizen whose speed side counts from an earlier watermark than the published run's.
 */
public final class InMemoryStores
    implements CitizenDirectory, EventIdClaims, CitizenStateStore, SpeedProgressStore {
  /** The ledger's clustering order: (citizen_id), occurred_at, event_id, rule_id. */
  private static final Comparator<Firing> LEDGER_ORDER =
      Comparator.comparing(Firing::citizenId)
          .thenComparingLong(Firing::occurredAt)
          .thenComparing(Firing::eventId, CodePointOrder.INSTANCE)
          .thenComparing(Firing::ruleId, CodePointOrder.INSTANCE);

  private final Set<String> registeredCitizens = new HashSet<>();
  private final Map<String, String> eventIds = new HashMap<>();
  private final Map<String, AcceptedEvent> archive = new TreeMap<>();

  /** Ledger rows: each firing with its event's ingested_at. */
  private final TreeMap<Firing, Long> ledger = new TreeMap<>(LEDGER_ORDER);

  private final Map<String, Map<String, long[]>> ruleState = new TreeMap<>();
  private final Map<String, StoredView> speedViews = new TreeMap<>();
  private final Map<String, Long> speedViewWatermarks = new HashMap<>();
  private final Map<String, StoredView> batchViews = new HashMap<>();
  private final Map<String, Map<String, long[]>> batchRuleState = new HashMap<>();
  private final Map<String, ScoreDocument> scores = new TreeMap<>();
  private final Map<String, AtomicInteger> writesBySink = new TreeMap<>();
  private final List<MicroBatchOutcome> deadLetterBatches = new ArrayList<>();
  private PublishedRun publishedRun;
  private Progress progress = Progress.NONE;

  /** A citizen's current score as the MongoDB sink keeps it. */
  public record ScoreDocument(double raw, String score, String tier, long firings, long asOf) {}

  public InMemoryStores register(Iterable<String> citizenIds) {
    citizenIds.forEach(registeredCitizens::add);
    return this;
  }

  /**
   * Sets what a batch run left for one citizen (batch_view, batch_rule_state) and publishes the
   * run; a run's earlier citizens stay. The speed side is left alone, as the batch layer does.
   */
  public synchronized void publishBatchRun(
      PublishedRun run, String citizenId, StoredView batchView, Map<String, long[]> state) {
    if (publishedRun != null && !publishedRun.runId().equals(run.runId())) {
      batchViews.clear();
      batchRuleState.clear();
    }
    publishedRun = run;
    if (batchView != null) {
      batchViews.put(citizenId, batchView);
    }
    batchRuleState.put(citizenId, new TreeMap<>(state));
  }

  @Override
  public synchronized Set<String> registeredAmong(Set<String> citizenIds) {
    Set<String> found = new HashSet<>(citizenIds);
    found.retainAll(registeredCitizens);
    return found;
  }

  @Override
  public synchronized Set<String> claimedAmong(Set<String> ids) {
    Set<String> found = new HashSet<>(ids);
    found.retainAll(eventIds.keySet());
    return found;
  }

  @Override
  public synchronized CitizenStates load(Set<String> citizenIds) {
    Map<String, CitizenState> states = new HashMap<>();
    for (String citizenId : citizenIds) {
      CitizenState stored =
          new CitizenState(
              new TreeMap<>(ruleState.getOrDefault(citizenId, Map.of())),
              speedViews.get(citizenId),
              speedViewWatermarks.get(citizenId),
              batchViews.get(citizenId));
      if (!stored.isRelativeTo(publishedRun)) {
        stored =
            SpeedSideRebase.rebase(
                publishedRun,
                batchRuleState.getOrDefault(citizenId, Map.of()),
                ledgerIngestedFrom(citizenId, publishedRun.watermark()),
                stored);
      }
      states.put(citizenId, stored);
    }
    return new CitizenStates(publishedRun, states);
  }

  /** The citizen's ledger rows with ingested_at at or after {@code watermark}. */
  public synchronized List<Firing> ledgerIngestedFrom(String citizenId, long watermark) {
    List<Firing> rows = new ArrayList<>();
    ledger.forEach(
        (firing, ingestedAt) -> {
          if (firing.citizenId().equals(citizenId) && ingestedAt >= watermark) {
            rows.add(firing);
          }
        });
    return rows;
  }

  @Override
  public synchronized Progress read() {
    return progress;
  }

  @Override
  public synchronized void record(long committedThrough, long recordedAt) {
    progress = new Progress(committedThrough, recordedAt, progress.wantedThrough());
  }

  /** What a waiting batch run writes: the watermark it wants the speed layer to commit through. */
  public synchronized void want(long watermark) {
    progress = new Progress(progress.committedThrough(), progress.recordedAt(), watermark);
  }

  /** Archive, event_ids, ledger, speed view and rule state, as the Cassandra sink writes them. */
  public OutcomeSink stateSink() {
    return sink(
        "state",
        outcome -> {
          for (AcceptedEvent event : outcome.accepted()) {
            archive.put(
                event.citizenId() + "|" + event.occurredAt() + "|" + event.eventId(), event);
            eventIds.put(event.eventId(), event.citizenId());
          }
          outcome.firings().forEach(scored -> ledger.put(scored.firing(), scored.ingestedAt()));
          for (CitizenUpdate update : outcome.citizens()) {
            Map<String, long[]> rows =
                ruleState.computeIfAbsent(update.citizenId(), id -> new TreeMap<>());
            rows.putAll(update.ruleState());
            update.clearedRuleIds().forEach(rows::remove);
            if (update.speedView() != null) {
              speedViews.put(update.citizenId(), update.speedView());
              if (update.speedViewWatermark() != null) {
                speedViewWatermarks.put(update.citizenId(), update.speedViewWatermark());
              }
            }
          }
        });
  }

  /** Each citizen's current score, as the MongoDB sink writes it. */
  public OutcomeSink scoreSink() {
    return sink(
        "scores",
        outcome -> {
          for (CitizenUpdate update : outcome.citizens()) {
            scores.put(
                update.citizenId(),
                new ScoreDocument(
                    update.score().raw(),
                    update.score().score().toPlainString(),
                    update.score().tier(),
                    update.score().firings(),
                    update.scoreAsOf()));
          }
        });
  }

  /** The dead-letter topic: appends each batch's rejects. */
  public OutcomeSink deadLetterSink() {
    return sink("dead-letters", deadLetterBatches::add);
  }

  private OutcomeSink sink(String name, java.util.function.Consumer<MicroBatchOutcome> write) {
    return new OutcomeSink() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void write(MicroBatchOutcome outcome) {
        synchronized (InMemoryStores.this) {
          writesBySink.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
          write.accept(outcome);
        }
      }
    };
  }

  /** Each ledger row's ingested_at, in the ledger's order. */
  public synchronized Map<Firing, Long> ledgerIngestion() {
    return new TreeMap<>(ledger);
  }

  public synchronized Map<String, Long> speedViewWatermarks() {
    return new TreeMap<>(speedViewWatermarks);
  }

  public synchronized PublishedRun publishedRun() {
    return publishedRun;
  }

  public synchronized List<Firing> ledger() {
    return new ArrayList<>(ledger.keySet());
  }

  public synchronized Map<String, ScoreDocument> scores() {
    return new TreeMap<>(scores);
  }

  public synchronized Map<String, StoredView> speedViews() {
    return new TreeMap<>(speedViews);
  }

  public synchronized Map<String, AcceptedEvent> archive() {
    return new TreeMap<>(archive);
  }

  /** Every dead letter sent, in order, repeats included. */
  public synchronized List<dev.scs.speed.scoring.DeadLetter> deadLetters() {
    return deadLetterBatches.stream().flatMap(batch -> batch.rejects().stream()).toList();
  }

  /** How many times each sink was written. */
  public synchronized Map<String, Integer> writesBySink() {
    Map<String, Integer> writes = new TreeMap<>();
    writesBySink.forEach((name, count) -> writes.put(name, count.get()));
    return writes;
  }

  /** Everything the upserting stores hold, as comparable values. */
  public synchronized Map<String, Object> contents() {
    Map<String, Object> contents = new LinkedHashMap<>();
    contents.put("archive", new TreeMap<>(archive));
    contents.put("event_ids", new TreeMap<>(eventIds));
    contents.put("ledger", ledger());
    Map<String, Map<String, List<Long>>> state = new TreeMap<>();
    ruleState.forEach(
        (citizen, rules) -> {
          Map<String, List<Long>> times = new TreeMap<>();
          rules.forEach((rule, values) -> times.put(rule, Arrays.stream(values).boxed().toList()));
          state.put(citizen, times);
        });
    contents.put("rule_state", state);
    contents.put("speed_view", new TreeMap<>(speedViews));
    contents.put("scores", new TreeMap<>(scores));
    return contents;
  }
}
