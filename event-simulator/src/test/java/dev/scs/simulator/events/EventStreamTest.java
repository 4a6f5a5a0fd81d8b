package dev.scs.simulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.event.EventType;
import dev.scs.scoring.event.EventValidator;
import dev.scs.scoring.event.EventVerdict;
import dev.scs.scoring.json.Json;
import dev.scs.simulator.world.Tie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventStreamTest {
  private static List<SimulatedRecord> records;
  private static List<Event> events;

  @BeforeAll
  static void generateAMonth() {
    records = TestWorlds.backfill(60_000, FaultPlan.NONE);
    EventValidator validator = TestWorlds.validator();
    events = new ArrayList<>();
    for (SimulatedRecord record : records) {
      EventVerdict verdict = validator.validate(record.line(), TestWorlds.NOW);
      if (verdict instanceof EventVerdict.Accepted accepted) {
        events.add(accepted.event());
      }
    }
  }

  @Test
  void theSameSeedAndInstantGiveTheSameRecords() {
    assertThat(TestWorlds.backfill(60_000, FaultPlan.NONE)).isEqualTo(records);
  }

  @Test
  void anotherSeedGivesOtherRecords() {
    assertThat(TestWorlds.backfill(18, TestWorlds.NOW, 60_000, FaultPlan.NONE))
        .isNotEqualTo(records);
  }

  @Test
  void everyEventWithoutInjectedFaultsIsAcceptedByScoringCore() {
    assertThat(records).allMatch(record -> record.fault() == null);
    assertThat(events).hasSameSizeAs(records);
  }

  @Test
  void eventIdsAreUniqueAndDifferBetweenRunsStartedAtOtherInstants() {
    Set<String> ids = new HashSet<>();
    events.forEach(event -> ids.add(event.eventId()));
    List<SimulatedRecord> later =
        TestWorlds.backfill(17, TestWorlds.NOW + 1_000, 1_000, FaultPlan.NONE);

    assertThat(ids).hasSize(events.size());
    assertThat(later).noneMatch(record -> ids.contains(eventId(record)));
  }

  @Test
  void everyTypeOfTheCatalogueOccurs() {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    events.forEach(event -> types.add(event.type()));

    assertThat(types).containsExactlyInAnyOrder(EventType.values());
  }

  @Test
  void aBackfillLiesInItsWindowInTimeOrderKeyedByCitizen() {
    long windowStart = TestWorlds.NOW - Duration.ofDays(30).toMillis();

    assertThat(events)
        .allMatch(e -> e.occurredAt() >= windowStart && e.occurredAt() < TestWorlds.NOW);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).occurredAt()).isGreaterThanOrEqualTo(events.get(i - 1).occurredAt());
    }
    for (int i = 0; i < records.size(); i++) {
      assertThat(records.get(i).key()).isEqualTo(events.get(i).citizenId());
    }
  }

  @Test
  void thePopulationIsMoreActiveByDayThanAtNight() {
    int[] perHour = new int[24];
    events.forEach(event -> perHour[(int) (event.occurredAt() / 3_600_000L % 24)]++);

    assertThat(perHour[12]).isGreaterThan(2 * perHour[4]);
    assertThat(perHour[19]).isGreaterThan(2 * perHour[4]);
  }

  @Test
  void socialEventsRemoveExistingTiesAndAddNewOnes() {
    Set<Long> tied = new HashSet<>();
    for (Tie tie : TestWorlds.WORLD.graph().ties()) {
      tied.add(
          pair(
              TestWorlds.WORLD.population().citizen(tie.one()).id(),
              TestWorlds.WORLD.population().citizen(tie.other()).id()));
    }
    int added = 0;
    int removed = 0;
    for (Event event : events) {
      if (!event.type().namesOtherCitizen()) {
        continue;
      }
      long pair = pair(event.citizenId(), event.otherCitizenId());
      assertThat(event.citizenId()).isNotEqualTo(event.otherCitizenId());
      if (event.type() == EventType.SOCIAL_TIE_ADDED) {
        assertThat(tied.add(pair)).as("%s adds a tie that exists", event.eventId()).isTrue();
        added++;
      } else {
        assertThat(tied.remove(pair)).as("%s removes a missing tie", event.eventId()).isTrue();
        removed++;
      }
    }
    assertThat(added).isPositive();
    assertThat(removed).isPositive();
  }

  @Test
  void liveEventsOccurWhenTheyAreMade() {
    Clock clock = Clock.fixed(Instant.parse("2026-05-05T05:05:05.005Z"), ZoneOffset.UTC);
    EventStream stream = EventStream.live(TestWorlds.WORLD, 17, clock, 100, FaultPlan.NONE);
    List<SimulatedRecord> live = new ArrayList<>();
    stream.forEachRemaining(live::add);

    assertThat(live).hasSize(100);
    assertThat(live).allMatch(record -> record.line().contains("\"2026-05-05T05:05:05.005Z\""));
  }

  private static String eventId(SimulatedRecord record) {
    try {
      JsonNode line = Json.mapper().readTree(record.line());
      return line.get("event_id").textValue();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static long pair(String one, String other) {
    int a = Integer.parseInt(one.substring("citizen-".length()));
    int b = Integer.parseInt(other.substring("citizen-".length()));
    return (long) Math.min(a, b) << 32 | Math.max(a, b);
  }
}
