package dev.scs.simulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scs.scoring.event.EventValidator;
import dev.scs.scoring.event.EventVerdict;
import dev.scs.scoring.event.RejectionReason;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each fault kind produces what the contract says of it, checked with scoring-core. */
class FaultInjectionTest {
  private final EventValidator validator = TestWorlds.validator();

  private static List<SimulatedRecord> allFaulty(Fault fault, int count) {
    return TestWorlds.backfill(count, FaultPlan.of(Map.of(fault, 1.0)));
  }

  @ParameterizedTest(name = "{0} faults are rejected as {1}")
  @CsvSource({
    "MALFORMED, malformed_json",
    "SCHEMA_VIOLATION, schema_violation",
    "UNKNOWN_CITIZEN, unknown_citizen",
    "FUTURE, future_event"
  })
  void eachRejectedFaultKindGetsTheReasonTheContractNames(Fault fault, String reason) {
    List<SimulatedRecord> records = allFaulty(fault, 2_000);

    assertThat(records).allMatch(record -> record.fault() == fault);
    assertThat(records)
        .allSatisfy(
            record -> {
              EventVerdict verdict = validator.validate(record.line(), TestWorlds.NOW);
              assertThat(verdict)
                  .as(record.line())
                  .isInstanceOfSatisfying(
                      EventVerdict.Rejected.class,
                      rejected ->
                          assertThat(rejected.reason())
                              .isEqualTo(RejectionReason.fromCode(reason)));
            });
  }

  @Test
  void aLateEventIsAcceptedAndOccursBeforeAnEventSentEarlier() {
    List<SimulatedRecord> records =
        TestWorlds.backfill(5_000, FaultPlan.of(Map.of(Fault.LATE, 0.2)));
    long latestSent = Long.MIN_VALUE;
    int late = 0;
    for (SimulatedRecord record : records) {
      EventVerdict verdict = validator.validate(record.line(), TestWorlds.NOW);
      assertThat(verdict.isAccepted()).as(record.line()).isTrue();
      long occurredAt = ((EventVerdict.Accepted) verdict).event().occurredAt();
      if (record.fault() == Fault.LATE) {
        assertThat(occurredAt).isLessThan(latestSent);
        late++;
      }
      latestSent = Math.max(latestSent, occurredAt);
    }
    assertThat(late).isBetween(800, 1_200);
  }

  @Test
  void aDuplicateRepeatsTheEventIdOfAnEventSentEarlier() {
    List<SimulatedRecord> records =
        TestWorlds.backfill(5_000, FaultPlan.of(Map.of(Fault.DUPLICATE, 0.1)));
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    for (SimulatedRecord record : records) {
      EventVerdict verdict = validator.validate(record.line(), TestWorlds.NOW);
      assertThat(verdict.isAccepted()).isTrue();
      String eventId = ((EventVerdict.Accepted) verdict).event().eventId();
      boolean first = seen.add(eventId);
      assertThat(first)
          .as("record %s is a duplicate exactly when marked", eventId)
          .isEqualTo(record.fault() != Fault.DUPLICATE);
      if (!first) {
        duplicates++;
      }
    }
    assertThat(duplicates).isBetween(400, 600);
  }

  @Test
  void faultsComeAtTheirFractionsAndLeaveTheOtherEventsAsInACleanRun() {
    Map<Fault, Double> fractions = new EnumMap<>(Fault.class);
    for (Fault fault : Fault.values()) {
      fractions.put(fault, 0.05);
    }
    List<SimulatedRecord> faulty = TestWorlds.backfill(20_000, FaultPlan.of(fractions));
    List<SimulatedRecord> clean = TestWorlds.backfill(20_000, FaultPlan.NONE);

    Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
    List<Integer> untouched = new ArrayList<>();
    for (int i = 0; i < faulty.size(); i++) {
      Fault fault = faulty.get(i).fault();
      if (fault == null) {
        untouched.add(i);
      } else {
        counts.merge(fault, 1, Integer::sum);
      }
    }
    for (Fault fault : Fault.values()) {
      assertThat(counts.get(fault) / 20_000.0).as(fault.name()).isCloseTo(0.05, within(0.01));
    }
    assertThat(untouched).allMatch(i -> faulty.get(i).equals(clean.get(i)));
  }
}
