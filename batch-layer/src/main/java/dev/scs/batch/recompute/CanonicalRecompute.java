package dev.scs.batch.recompute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.min;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.event.CitizenRegistry;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.event.EventValidator;
import dev.scs.scoring.event.EventVerdict;
import dev.scs.scoring.event.RejectionReason;
import dev.scs.scoring.replay.CitizenReplay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The canonical recompute (contract, sections 4 and 8) as Spark transformations: validate every
 * record, keep the first accepted copy of each event_id in ingestion order, replay each citizen's
 * events through scoring-core in canonical order, and score as of an instant.
 *
 * <p>{@code ./scs replay} runs it over files; the nightly batch run over the archive. It takes its
 * input as a Dataset and returns Datasets, so the source and the sinks are the caller's.
 */
public final class CanonicalRecompute {
  private final ScoringInputs inputs;
  private final Set<String> registeredCitizens;
  private final long asOf;

  /**
   * @param registeredCitizens the citizens that exist, or {@code null} to check nobody (replay
   *     without a citizens file)
   * @param asOf the instant the scores are computed for
   */
  public CanonicalRecompute(ScoringInputs inputs, Set<String> registeredCitizens, long asOf) {
    this.inputs = inputs;
    this.registeredCitizens = registeredCitizens;
    this.asOf = asOf;
  }

  public RecomputeResult run(Dataset<IngestedRecord> records) {
    // Validation and the replay are each read by several sinks and counts: compute them once.
    Dataset<ValidatedRecord> validated = validate(records).persist(StorageLevel.MEMORY_AND_DISK());
    // Duplicates are rare: find the event_ids that repeat on a narrow projection, then mark every
    // copy after the first, instead of shuffling whole records by event_id.
    Dataset<ValidatedRecord> acceptedCopies = validated.filter(col("reason").isNull());
    Dataset<Row> repeatedIds =
        acceptedCopies
            .groupBy("eventId")
            .agg(min("sequence").as("firstSequence"), count("*").as("copies"))
            .filter(col("copies").gt(1))
            .select(col("eventId").as("repeatedEventId"), col("firstSequence"));
    Dataset<Row> marked =
        acceptedCopies
            .join(
                repeatedIds,
                acceptedCopies.col("eventId").equalTo(repeatedIds.col("repeatedEventId")),
                "left_outer")
            .withColumn(
                "laterCopy",
                col("firstSequence")
                    .isNotNull()
                    .and(col("sequence").notEqual(col("firstSequence"))))
            .drop("repeatedEventId", "firstSequence");
    Dataset<ValidatedRecord> accepted =
        marked
            .filter(col("laterCopy").equalTo(false))
            .drop("laterCopy")
            .as(Encoders.bean(ValidatedRecord.class));
    Dataset<ValidatedRecord> duplicates =
        marked
            .filter(col("laterCopy"))
            .drop("laterCopy")
            .as(Encoders.bean(ValidatedRecord.class))
            .map(markDuplicate(), Encoders.bean(ValidatedRecord.class));
    Dataset<ValidatedRecord> rejects =
        validated.filter(col("reason").isNotNull()).unionByName(duplicates);
    Dataset<CitizenOutcome> outcomes = replay(accepted).persist(StorageLevel.MEMORY_AND_DISK());
    return new RecomputeResult(validated, accepted, rejects, outcomes);
  }

  private Dataset<ValidatedRecord> validate(Dataset<IngestedRecord> records) {
    ScoringInputs scoring = inputs;
    Set<String> citizens = registeredCitizens;
    MapPartitionsFunction<IngestedRecord, ValidatedRecord> validation =
        partition -> {
          EventValidator validator =
              new EventValidator(
                  scoring.config().maxFutureSkewMillis(),
                  citizens == null ? CitizenRegistry.ANYONE : CitizenRegistry.of(citizens));
          return validatedLazily(partition, validator);
        };
    return records.mapPartitions(validation, Encoders.bean(ValidatedRecord.class));
  }

  /**
   * One record at a time, as Spark asks: an input partition of the archive can hold millions of
   * events (the Cassandra connector splits by size), more than a heap holds at once. Static, so
   * that the task does not capture this (unserializable) recompute.
   */
  private static Iterator<ValidatedRecord> validatedLazily(
      Iterator<IngestedRecord> partition, EventValidator validator) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return partition.hasNext();
      }

      @Override
      public ValidatedRecord next() {
        return toValidated(partition.next(), validator);
      }
    };
  }

  private static ValidatedRecord toValidated(IngestedRecord record, EventValidator validator) {
    ValidatedRecord validated = new ValidatedRecord();
    validated.setSequence(record.getSequence());
    validated.setIngestedAt(record.getIngestedAt());
    validated.setValue(record.getValue());
    EventVerdict verdict = validator.validate(record.getValue(), record.getIngestedAt());
    if (verdict instanceof EventVerdict.Accepted accepted) {
      Event event = accepted.event();
      validated.setEventId(event.eventId());
      validated.setCitizenId(event.citizenId());
      validated.setOccurredAt(event.occurredAt());
    } else {
      EventVerdict.Rejected rejected = (EventVerdict.Rejected) verdict;
      validated.setEventId(rejected.eventId());
      validated.setCitizenId(rejected.citizenId());
      validated.setReason(rejected.reason().code());
      validated.setDetail(rejected.detail());
    }
    return validated;
  }

  private static MapFunction<ValidatedRecord, ValidatedRecord> markDuplicate() {
    return record -> {
      record.setReason(RejectionReason.DUPLICATE.code());
      record.setDetail("a later copy of event_id '" + record.getEventId() + "'");
      return record;
    };
  }

  private Dataset<CitizenOutcome> replay(Dataset<ValidatedRecord> accepted) {
    ScoringInputs scoring = inputs;
    long instant = asOf;
    FlatMapGroupsFunction<String, ValidatedRecord, CitizenOutcome> replayCitizen =
        (citizenId, records) -> List.of(replayOne(citizenId, records, scoring, instant)).iterator();
    return accepted
        .groupByKey(
            (MapFunction<ValidatedRecord, String>) ValidatedRecord::getCitizenId, Encoders.STRING())
        .flatMapGroups(replayCitizen, Encoders.bean(CitizenOutcome.class));
  }

  private static CitizenOutcome replayOne(
      String citizenId, Iterator<ValidatedRecord> records, ScoringInputs scoring, long asOf) {
    List<Event> events = new ArrayList<>();
    while (records.hasNext()) {
      events.add(EventValidator.reread(records.next().getValue()));
    }
    CitizenReplay.Result result =
        new CitizenReplay(scoring.rules(), scoring.config()).replay(events, asOf);
    List<LedgerEntry> ledger = new ArrayList<>(result.ledger().size());
    int position = 0;
    for (Firing firing : result.ledger()) {
      ledger.add(LedgerEntry.of(firing, position++));
    }
    CitizenOutcome outcome = new CitizenOutcome();
    outcome.setCitizenId(citizenId);
    outcome.setRaw(result.score().raw());
    outcome.setScore(result.score().score().toPlainString());
    outcome.setTier(result.score().tier());
    outcome.setFirings(result.score().firings());
    outcome.setEvents(events.size());
    outcome.setLedger(ledger);
    List<RuleFiringTimes> ruleState = new ArrayList<>();
    for (Map.Entry<String, long[]> rule : result.state().snapshot().entrySet()) {
      ruleState.add(
          new RuleFiringTimes(
              rule.getKey(), Arrays.stream(rule.getValue()).sorted().boxed().toList()));
    }
    outcome.setRuleState(ruleState);
    return outcome;
  }
}
