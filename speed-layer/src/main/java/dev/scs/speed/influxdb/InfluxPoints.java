package dev.scs.speed.influxdb;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import dev.scs.scoring.engine.Firing;
import dev.scs.speed.scoring.AcceptedEvent;
import dev.scs.speed.scoring.ScoredFiring;
import java.util.ArrayList;
import java.util.List;

/**
 * The points of a micro-batch, as schemas/influxdb/layout.json describes them. Tags have bounded
 * values (citizen, event type, rule), so the number of series is bounded by the population; the
 * event_id is a field, and decides the timestamp's part below the millisecond ({@link PointTimes}),
 * so that two points of different events or firings do not collide and writing a point again
 * overwrites it with the same values.
 */
public final class InfluxPoints {
  public static final String EVENT = "event";
  public static final String SCORE_CHANGE = "score_change";

  private InfluxPoints() {}

  /** Raw events at their event time; those before {@code oldestKept} are left out. */
  public static List<Point> events(List<AcceptedEvent> accepted, long oldestKept) {
    List<Point> points = new ArrayList<>(accepted.size());
    for (AcceptedEvent event : accepted) {
      if (event.occurredAt() < oldestKept) {
        continue;
      }
      points.add(
          Point.measurement(EVENT)
              .addTag("citizen_id", event.citizenId())
              .addTag("type", event.type())
              .addField("event_id", event.eventId())
              .addField("source", event.source())
              .time(PointTimes.nanos(event.occurredAt(), event.eventId()), WritePrecision.NS));
    }
    return points;
  }

  /** One point per firing at its event time; those before {@code oldestKept} are left out. */
  public static List<Point> scoreChanges(List<ScoredFiring> firings, long oldestKept) {
    List<Point> points = new ArrayList<>(firings.size());
    for (ScoredFiring scored : firings) {
      Firing firing = scored.firing();
      if (firing.occurredAt() < oldestKept) {
        continue;
      }
      points.add(
          Point.measurement(SCORE_CHANGE)
              .addTag("citizen_id", firing.citizenId())
              .addTag("rule_id", firing.ruleId())
              .addField("event_id", firing.eventId())
              .addField("delta", firing.delta().doubleValue())
              .addField("score", scored.score().doubleValue())
              .addField("raw", scored.raw())
              .addField("rule_version", firing.ruleVersion())
              .time(PointTimes.nanos(firing.occurredAt(), firing.eventId()), WritePrecision.NS));
    }
    return points;
  }
}
