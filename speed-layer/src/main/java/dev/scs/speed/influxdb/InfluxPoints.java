package dev.scs.speed.influxdb;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import dev.scs.scoring.engine.Firing;
import dev.scs.speed.scoring.AcceptedEvent;
import dev.scs.speed.scoring.ScoredFiring;
import java.util.ArrayList;
import java.util.List;

/**
 * The points of a micro-batch, as schemas/influxdb/layout.json describes them. InfluxDB keeps one
 * point per measurement, tag set and timestamp, overwriting any earlier one; each point here is
 * tagged with what makes it unique at its timestamp (the event_id; for a score change also the
 * rule_id), so no two points of different events or firings collide, and writing a point again
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
              .addTag("type", event.type())
              .addTag("event_id", event.eventId())
              .addField("citizen_id", event.citizenId())
              .addField("source", event.source())
              .time(event.occurredAt(), WritePrecision.MS));
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
              .addTag("event_id", firing.eventId())
              .addField("delta", firing.delta().doubleValue())
              .addField("score", scored.score().doubleValue())
              .addField("raw", scored.raw())
              .addField("rule_version", firing.ruleVersion())
              .time(firing.occurredAt(), WritePrecision.MS));
    }
    return points;
  }
}
