package dev.scs.stores.influxdb;

import java.time.Duration;

/**
 * A bucket of {@code schemas/influxdb/layout.json}. On InfluxDB 1.8 (the local stack) a bucket is a
 * database of the same name, whose default retention policy keeps points for {@code retention};
 * writers name it as the bucket, with no {@code /retention-policy} suffix.
 */
public record InfluxBucket(String name, Duration retention) {

  /** The retention in InfluxQL's units: whole hours, which every layout retention is made of. */
  public String influxQlDuration() {
    return retention.toHours() + "h";
  }
}
