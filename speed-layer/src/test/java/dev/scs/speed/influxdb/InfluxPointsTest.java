package dev.scs.speed.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.influxdb.client.write.Point;
import dev.scs.scoring.engine.Firing;
import dev.scs.speed.scoring.AcceptedEvent;
import dev.scs.speed.scoring.ScoredFiring;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InfluxPointsTest {
  private static final long AT = 1_777_000_000_000L;

  @Test
  void twoEventsAtTheSameMillisecondAreTwoPoints() {
    List<Point> points =
        InfluxPoints.events(List.of(event("e-1", AT), event("e-2", AT)), Long.MIN_VALUE);

    assertThat(seriesAndTimes(points)).hasSize(2);
  }

  @Test
  void twoRulesFiringOnOneEventAreTwoPoints() {
    List<Point> points =
        InfluxPoints.scoreChanges(
            List.of(firing("e-1", "rule-a"), firing("e-1", "rule-b")), Long.MIN_VALUE);

    assertThat(seriesAndTimes(points)).hasSize(2);
    assertThat(points.get(0).toLineProtocol())
        .isEqualTo(
            "score_change,citizen_id=c-1,rule_id=rule-a"
                + " delta=-5.5,event_id=\"e-1\",raw=-5.5,rule_version=2i,score=994.5 "
                + PointTimes.nanos(AT, "e-1"));
  }

  @Test
  void theSeriesOfAnEventAreItsCitizenAndTypeNotItsEventId() {
    List<Point> points = InfluxPoints.events(List.of(event("e-1", AT)), Long.MIN_VALUE);

    assertThat(points.get(0).toLineProtocol())
        .isEqualTo(
            "event,citizen_id=c-1,type=tax.filed event_id=\"e-1\",source=\"test\" "
                + PointTimes.nanos(AT, "e-1"));
  }

  @Test
  void anEventWrittenAgainIsTheSamePoint() {
    List<Point> first = InfluxPoints.events(List.of(event("e-1", AT)), Long.MIN_VALUE);
    List<Point> again = InfluxPoints.events(List.of(event("e-1", AT)), Long.MIN_VALUE);

    assertThat(again.get(0).toLineProtocol()).isEqualTo(first.get(0).toLineProtocol());
  }

  @Test
  void aThousandEventsOfOneCitizenInOneMillisecondAreAThousandPoints() {
    List<AcceptedEvent> events = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      events.add(event("e-" + i, AT));
    }

    assertThat(seriesAndTimes(InfluxPoints.events(events, Long.MIN_VALUE))).hasSize(1000);
  }

  @Test
  void pointsOlderThanTheRetentionAreLeftOut() {
    List<Point> points = InfluxPoints.events(List.of(event("old", AT - 1), event("kept", AT)), AT);

    assertThat(points)
        .singleElement()
        .satisfies(point -> assertThat(point.toLineProtocol()).contains("event_id=\"kept\""));
  }

  /** InfluxDB overwrites a point with the same measurement, tag set and timestamp. */
  private static Set<String> seriesAndTimes(List<Point> points) {
    Set<String> keys = new HashSet<>();
    for (Point point : points) {
      String line = point.toLineProtocol();
      keys.add(line.substring(0, line.indexOf(' ')) + "@" + line.substring(line.lastIndexOf(' ')));
    }
    return keys;
  }

  private static AcceptedEvent event(String eventId, long occurredAt) {
    return new AcceptedEvent(
        eventId, "c-1", "tax.filed", occurredAt, "test", "{}", occurredAt, "events", 0, 0);
  }

  private static ScoredFiring firing(String eventId, String ruleId) {
    return new ScoredFiring(
        new Firing(eventId, "c-1", ruleId, 2, AT, new BigDecimal("-5.50"), 1000L),
        AT,
        -5.5,
        new BigDecimal("994.50"),
        AT);
  }
}
