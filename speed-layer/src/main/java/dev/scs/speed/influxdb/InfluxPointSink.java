package dev.scs.speed.influxdb;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.write.Point;
import dev.scs.speed.port.OutcomeSink;
import dev.scs.speed.scoring.MicroBatchOutcome;
import dev.scs.stores.influxdb.InfluxBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Raw events and score changes into their InfluxDB buckets. A point older than its bucket's
 * retention is not written: the server would drop it and fail the request, and the contract asks
 * only for recent history there (issue 5). Points are keyed by event (see {@link InfluxPoints}), so
 * writing an outcome again overwrites each point with equal values.
 */
public final class InfluxPointSink implements OutcomeSink {
  /**
   * Points this close to the retention boundary are left out too: the server measures the boundary
   * by its own clock and shard groups, and a point it refuses fails the whole request.
   */
  static final Duration RETENTION_MARGIN = Duration.ofHours(1);

  private static final int POINTS_PER_REQUEST = 5000;

  private final WriteApiBlocking writes;
  private final String org;
  private final InfluxBucket events;
  private final InfluxBucket scores;
  private final Clock clock;

  public InfluxPointSink(
      InfluxDBClient client, String org, InfluxBucket events, InfluxBucket scores, Clock clock) {
    this.writes = client.getWriteApiBlocking();
    this.org = org;
    this.events = events;
    this.scores = scores;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "influxdb";
  }

  @Override
  public void write(MicroBatchOutcome outcome) {
    write(events, InfluxPoints.events(outcome.accepted(), oldestKept(events)));
    write(scores, InfluxPoints.scoreChanges(outcome.firings(), oldestKept(scores)));
  }

  private long oldestKept(InfluxBucket bucket) {
    return clock.millis() - bucket.retention().minus(RETENTION_MARGIN).toMillis();
  }

  private void write(InfluxBucket bucket, List<Point> points) {
    for (int from = 0; from < points.size(); from += POINTS_PER_REQUEST) {
      writes.writePoints(
          bucket.name(),
          org,
          points.subList(from, Math.min(points.size(), from + POINTS_PER_REQUEST)));
    }
  }
}
