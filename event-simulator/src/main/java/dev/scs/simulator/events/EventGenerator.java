package dev.scs.simulator.events;

import dev.scs.scoring.event.EventType;
import dev.scs.simulator.world.Citizen;
import dev.scs.simulator.world.LiveGraph;
import dev.scs.simulator.world.Tie;
import dev.scs.simulator.world.World;
import java.util.SplittableRandom;

/**
 * Makes one valid event at a given instant: who acts follows the personas' daily cycle, what they
 * do follows their rates, and social events change the live graph they report on. Event ids are a
 * run tag plus a sequence number, unique within a run and across runs with other tags.
 */
final class EventGenerator {
  private static final long HOUR_MILLIS = 3_600_000L;

  private final BehaviourModel behaviour;
  private final PayloadWriter payloads;
  private final LiveGraph graph;
  private final String idPrefix;
  private long sequence;

  EventGenerator(World world, BehaviourModel behaviour, String runTag) {
    this.behaviour = behaviour;
    this.payloads = new PayloadWriter(world.population());
    this.graph = new LiveGraph(world.population(), world.graph());
    this.idPrefix = runTag + "-";
  }

  SimulatedEvent next(long occurredAt, SplittableRandom random) {
    int hour = (int) Math.floorMod(occurredAt / HOUR_MILLIS, 24L);
    Citizen citizen = behaviour.pickCitizen(hour, random);
    EventType type = behaviour.pickType(citizen, random);
    Tie tie = null;
    if (type == EventType.SOCIAL_TIE_REMOVED) {
      tie = graph.removeTieOf(citizen.index(), random);
      if (tie == null) {
        type = EventType.SOCIAL_TIE_ADDED; // nobody to part from: make a friend instead
      }
    }
    if (type == EventType.SOCIAL_TIE_ADDED) {
      tie = graph.addTieFor(citizen.index(), random);
      if (tie == null) {
        type = EventType.PAYMENT_ON_TIME;
      }
    }
    return new SimulatedEvent(
        idPrefix + Long.toString(sequence++, 36),
        citizen.index(),
        citizen.id(),
        type,
        occurredAt,
        source(type),
        payloads.write(type, citizen, tie, random));
  }

  static String source(EventType type) {
    return switch (type) {
      case PAYMENT_ON_TIME, PAYMENT_LATE, LOAN_DEFAULT, DONATION_MADE -> "bank-core";
      case TRAFFIC_VIOLATION -> "traffic-authority";
      case VOLUNTEER_SHIFT -> "volunteer-registry";
      case TAX_FILED -> "tax-office";
      case PUBLIC_DISTURBANCE -> "municipal-police";
      case EDUCATION_COURSE_COMPLETED -> "education-registry";
      case SOCIAL_TIE_ADDED, SOCIAL_TIE_REMOVED -> "social-graph";
    };
  }

  /** How active the population is in an hour of the day, relative to the other hours. */
  double activityAt(int hour) {
    return behaviour.activityAt(hour);
  }
}
