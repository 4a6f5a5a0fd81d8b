package dev.scs.speed.metrics;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import dev.scs.stores.influxdb.InfluxBucket;

/**
 * One point per micro-batch, measurement micro_batch of the pipeline bucket (layout.json), with a
 * {@code rejects_REASON} field per reason besides the total, and an {@code ms_STEP} field per step
 * (scoring, then each sink).
 */
public final class InfluxMetricsReporter implements MetricsReporter {
  public static final String MEASUREMENT = "micro_batch";
  static final String JOB = "speed-layer";

  private final WriteApiBlocking writes;
  private final String org;
  private final InfluxBucket bucket;

  public InfluxMetricsReporter(InfluxDBClient client, String org, InfluxBucket bucket) {
    this.writes = client.getWriteApiBlocking();
    this.org = org;
    this.bucket = bucket;
  }

  @Override
  public void report(MicroBatchMetrics metrics) {
    writes.writePoint(bucket.name(), org, point(metrics));
  }

  static Point point(MicroBatchMetrics metrics) {
    Point point =
        Point.measurement(MEASUREMENT)
            .addTag("job", JOB)
            .addField("batch_id", metrics.batchId())
            .addField("input_rows", metrics.inputRows())
            .addField("input_rate", metrics.inputRate())
            .addField("processing_rate", metrics.processingRate())
            .addField("duration_ms", metrics.durationMillis())
            .addField("lag", metrics.lag())
            .addField("accepted", metrics.accepted())
            .addField("firings", metrics.firings())
            .addField("rejects", metrics.rejects())
            .addField("rules_refused", metrics.rulesRefused())
            .time(metrics.endedAt(), WritePrecision.MS);
    metrics
        .rejectsByReason()
        .forEach((reason, count) -> point.addField("rejects_" + reason, count));
    return point;
  }
}
