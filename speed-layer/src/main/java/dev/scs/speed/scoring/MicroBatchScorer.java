package dev.scs.speed.scoring;

import dev.scs.scoring.engine.FiringEngine;
import dev.scs.scoring.event.CitizenRegistry;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.event.EventValidator;
import dev.scs.scoring.event.EventVerdict;
import dev.scs.scoring.event.RejectionReason;
import dev.scs.speed.source.IncomingRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores one micro-batch: validates each record with scoring-core, drops later copies of an
 * event_id, and evaluates each citizen's events in arrival order from the stored state. Plain Java
 * with no store or Spark in it; everything it reads from outside comes through {@link
 * BatchLookups}, one bulk question each, so that the same records and answers give an equal
 * outcome.
 *
 * <p>A record's ingestion time is its Kafka timestamp, raised to the micro-batch's ingestion floor
 * ({@link BatchLookups#ingestionFloor}) when older: the speed layer has told the batch layer that
 * nothing still to come will be ingested before the floor (speed-layer/README.md, "Hand-over").
 * Validation (future_event), the archive, the ledger and the score all use that one instant.
 */
public final class MicroBatchScorer {

  public MicroBatchOutcome score(long batchId, List<IncomingRecord> records, BatchLookups lookups) {
    ScoringRules scoring = lookups.rules();
    long floor = lookups.ingestionFloor();
    List<IncomingRecord> ordered = new ArrayList<>(records);
    ordered.sort(IncomingRecord.ARRIVAL_ORDER);
    EventVerdict[] verdicts = validate(ordered, scoring, lookups, floor);

    List<DeadLetter> rejects = new ArrayList<>();
    List<Integer> firstCopies = dropDuplicates(ordered, verdicts, lookups, rejects);

    Set<String> citizenIds = new LinkedHashSet<>();
    firstCopies.forEach(i -> citizenIds.add(accepted(verdicts[i]).citizenId()));
    CitizenStates states = lookups.statesOf(citizenIds);
    FiringEngine engine = new FiringEngine(scoring.rules(), scoring.config());
    Map<String, CitizenScoring> byCitizen = new LinkedHashMap<>();
    List<AcceptedEvent> accepted = new ArrayList<>(firstCopies.size());
    List<ScoredFiring> firings = new ArrayList<>();
    for (int index : firstCopies) {
      Event event = accepted(verdicts[index]);
      IncomingRecord record = ordered.get(index);
      long ingestedAt = ingestedAt(record, floor);
      accepted.add(AcceptedEvent.of(event, record, ingestedAt));
      byCitizen
          .computeIfAbsent(
              event.citizenId(),
              id ->
                  new CitizenScoring(
                      id, states.of(id), states.publishedRun(), engine, scoring.config()))
          .apply(event, ingestedAt, firings);
    }
    List<CitizenUpdate> citizens = new ArrayList<>(byCitizen.size());
    byCitizen.values().forEach(citizen -> citizens.add(citizen.finish()));
    return new MicroBatchOutcome(batchId, records.size(), accepted, rejects, firings, citizens);
  }

  /**
   * Validates every record, first treating every citizen as registered so that the registry is
   * asked once, for all the citizens the batch names; the few records naming an unregistered one
   * are then validated again against the registry's answer, so that scoring-core gives the verdict.
   */
  private static EventVerdict[] validate(
      List<IncomingRecord> ordered, ScoringRules scoring, BatchLookups lookups, long floor) {
    long skew = scoring.config().maxFutureSkewMillis();
    EventValidator anyCitizen = new EventValidator(skew, CitizenRegistry.ANYONE);
    EventVerdict[] verdicts = new EventVerdict[ordered.size()];
    Set<String> named = new HashSet<>();
    for (int i = 0; i < verdicts.length; i++) {
      IncomingRecord record = ordered.get(i);
      verdicts[i] = anyCitizen.validate(bytesOf(record), ingestedAt(record, floor));
      if (verdicts[i] instanceof EventVerdict.Accepted accepted) {
        named.add(accepted.event().citizenId());
        String other = accepted.event().otherCitizenId();
        if (other != null) {
          named.add(other);
        }
      }
    }
    Set<String> registered = lookups.registeredAmong(named);
    EventValidator registeredOnly = new EventValidator(skew, CitizenRegistry.of(registered));
    for (int i = 0; i < verdicts.length; i++) {
      if (verdicts[i] instanceof EventVerdict.Accepted accepted
          && !namesOnlyRegistered(accepted.event(), registered)) {
        IncomingRecord record = ordered.get(i);
        verdicts[i] = registeredOnly.validate(bytesOf(record), ingestedAt(record, floor));
      }
    }
    return verdicts;
  }

  private static boolean namesOnlyRegistered(Event event, Set<String> registered) {
    String other = event.otherCitizenId();
    return registered.contains(event.citizenId()) && (other == null || registered.contains(other));
  }

  /**
   * Keeps the first accepted copy of each event_id (contract, section 2): not claimed by an earlier
   * micro-batch, and first in arrival order within this one. Rejected records go to {@code
   * rejects}; the result is the indexes of the kept records, in arrival order.
   */
  private static List<Integer> dropDuplicates(
      List<IncomingRecord> ordered,
      EventVerdict[] verdicts,
      BatchLookups lookups,
      List<DeadLetter> rejects) {
    Set<String> acceptedIds = new HashSet<>();
    for (EventVerdict verdict : verdicts) {
      if (verdict instanceof EventVerdict.Accepted accepted) {
        acceptedIds.add(accepted.event().eventId());
      }
    }
    Set<String> claimedEarlier = lookups.claimedAmong(acceptedIds);
    Set<String> seen = new HashSet<>();
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < verdicts.length; i++) {
      IncomingRecord record = ordered.get(i);
      if (verdicts[i] instanceof EventVerdict.Rejected rejected) {
        rejects.add(new DeadLetter(record, rejected.reason(), rejected.detail()));
        continue;
      }
      String eventId = accepted(verdicts[i]).eventId();
      if (claimedEarlier.contains(eventId)) {
        rejects.add(
            new DeadLetter(
                record,
                RejectionReason.DUPLICATE,
                "a later copy of event_id '" + eventId + "', accepted in an earlier micro-batch"));
      } else if (!seen.add(eventId)) {
        rejects.add(
            new DeadLetter(
                record,
                RejectionReason.DUPLICATE,
                "a later copy of event_id '"
                    + eventId
                    + "', accepted earlier in this micro-batch"));
      } else {
        kept.add(i);
      }
    }
    return kept;
  }

  /** The record's timestamp, or the floor when that is later. */
  static long ingestedAt(IncomingRecord record, long floor) {
    return Math.max(record.timestamp(), floor);
  }

  private static Event accepted(EventVerdict verdict) {
    return ((EventVerdict.Accepted) verdict).event();
  }

  /** A record without a value (a tombstone) is validated as empty bytes: malformed_json. */
  private static byte[] bytesOf(IncomingRecord record) {
    return record.value() == null ? new byte[0] : record.value();
  }
}
