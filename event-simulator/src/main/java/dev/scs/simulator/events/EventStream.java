package dev.scs.simulator.events;

import dev.scs.simulator.world.Seeds;
import dev.scs.simulator.world.World;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * The records of one simulation run, in the order they are sent. Deterministic: the same world,
 * seed, reference instant, count and fault plan give the same records (live runs take their
 * instants from the clock). Event ids carry a tag made from the seed and the reference instant, so
 * runs started at different instants never share an id.
 */
public final class EventStream implements Iterator<SimulatedRecord> {
  private static final long EVENT_STREAM = 10;
  private static final long FAULT_STREAM = 11;
  private static final long SCHEDULE_STREAM = 12;

  private final Schedule schedule;
  private final EventGenerator generator;
  private final FaultInjector faults;
  private final SplittableRandom random;

  private EventStream(
      World world,
      BehaviourModel behaviour,
      Schedule schedule,
      long seed,
      long reference,
      FaultPlan plan,
      LongSupplier ingestionTime) {
    this.schedule = schedule;
    this.generator = new EventGenerator(world, behaviour, runTag(seed, reference));
    this.random = Seeds.stream(seed, EVENT_STREAM, reference);
    this.faults =
        new FaultInjector(plan, ingestionTime, Seeds.stream(seed, FAULT_STREAM, reference));
  }

  /** {@code count} events spread over the {@code window} before {@code now}, in time order. */
  public static EventStream backfill(
      World world, long seed, long now, Duration window, long count, FaultPlan plan) {
    BehaviourModel behaviour = new BehaviourModel(world.population());
    Schedule schedule =
        new BackfillSchedule(
            now - window.toMillis(),
            now,
            count,
            behaviour::activityAt,
            Seeds.stream(seed, SCHEDULE_STREAM, now));
    return new EventStream(world, behaviour, schedule, seed, now, plan, () -> now);
  }

  /** {@code count} events occurring as they are made, at the clock's instants. */
  public static EventStream live(World world, long seed, Clock clock, long count, FaultPlan plan) {
    long start = clock.millis();
    return new EventStream(
        world,
        new BehaviourModel(world.population()),
        new LiveSchedule(clock, count),
        seed,
        start,
        plan,
        clock::millis);
  }

  private static String runTag(long seed, long reference) {
    return "sim-" + Long.toString(Seeds.mix(seed ^ Seeds.mix(reference)) >>> 24, 36);
  }

  @Override
  public boolean hasNext() {
    return schedule.hasNext();
  }

  @Override
  public SimulatedRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return faults.apply(generator.next(schedule.next(), random));
  }
}
