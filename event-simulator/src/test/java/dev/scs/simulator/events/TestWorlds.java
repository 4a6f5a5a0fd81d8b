package dev.scs.simulator.events;

import dev.scs.scoring.event.CitizenRegistry;
import dev.scs.scoring.event.EventValidator;
import dev.scs.simulator.world.Citizen;
import dev.scs.simulator.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A small world and the validator of scoring-core that knows its citizens, for event tests. */
final class TestWorlds {
  static final long NOW = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
  static final World WORLD = World.generate(3_000, 17);
  static final long MAX_FUTURE_SKEW = Duration.ofMinutes(5).toMillis();

  private TestWorlds() {}

  static EventValidator validator() {
    Set<String> ids =
        WORLD.population().citizens().stream().map(Citizen::id).collect(Collectors.toSet());
    return new EventValidator(MAX_FUTURE_SKEW, CitizenRegistry.of(ids));
  }

  static List<SimulatedRecord> backfill(long count, FaultPlan faults) {
    return backfill(17, NOW, count, faults);
  }

  static List<SimulatedRecord> backfill(long seed, long now, long count, FaultPlan faults) {
    EventStream stream = EventStream.backfill(WORLD, seed, now, Duration.ofDays(30), count, faults);
    List<SimulatedRecord> records = new ArrayList<>();
    stream.forEachRemaining(records::add);
    return records;
  }
}
