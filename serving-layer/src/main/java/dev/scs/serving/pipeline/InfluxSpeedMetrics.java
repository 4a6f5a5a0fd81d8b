package dev.scs.serving.pipeline;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import dev.scs.serving.history.FluxLiterals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SpeedMetrics} from measurement {@code micro_batch} (schemas/influxdb/layout.json), as the
 * speed layer's {@code InfluxMetricsReporter} writes it: one point per micro-batch, with a {@code
 * rejects_REASON} field per reason seen.
 */
public final class InfluxSpeedMetrics implements SpeedMetrics {
  public static final String BUCKET = "scs_pipeline";

  private final InfluxDBClient client;
  private final String org;
  private final String bucket;

  public InfluxSpeedMetrics(InfluxDBClient client, String org, String bucket) {
    this.client = client;
    this.org = org;
    this.bucket = bucket;
  }

  static String source(String bucket, Duration window) {
    return "from(bucket: "
        + FluxLiterals.string(bucket)
        + ")\n  |> range(start: -"
        + FluxLiterals.millis(window.toMillis())
        + ")\n  |> filter(fn: (r) => r._measurement == \"micro_batch\")\n";
  }

  @Override
  public Snapshot over(Duration window) {
    String from = source(bucket, window);
    Map<String, Object> latest = new TreeMap<>();
    Instant lastAt = null;
    String job = null;
    for (FluxRecord record :
        records(
            from
                + "  |> filter(fn: (r) => r._field == \"lag\" or r._field == \"input_rate\""
                + " or r._field == \"processing_rate\")\n  |> last()\n")) {
      latest.put(record.getField(), record.getValue());
      if (record.getTime() != null && (lastAt == null || record.getTime().isAfter(lastAt))) {
        lastAt = record.getTime();
      }
      Object tag = record.getValueByKey("job");
      job = tag == null ? job : tag.toString();
    }
    Map<String, Long> rejects = new TreeMap<>();
    for (FluxRecord record :
        records(from + "  |> filter(fn: (r) => r._field =~ /^rejects_/)\n  |> sum()\n")) {
      if (record.getValue() instanceof Number count) {
        rejects.merge(
            record.getField().substring("rejects_".length()), count.longValue(), Long::sum);
      }
    }
    long microBatches = 0;
    for (FluxRecord record :
        records(from + "  |> filter(fn: (r) => r._field == \"batch_id\")\n  |> count()\n")) {
      if (record.getValue() instanceof Number count) {
        microBatches += count.longValue();
      }
    }
    return new Snapshot(
        job,
        lastAt == null ? null : lastAt.toEpochMilli(),
        latest.get("lag") instanceof Number lag ? lag.longValue() : null,
        latest.get("input_rate") instanceof Number rate ? rate.doubleValue() : null,
        latest.get("processing_rate") instanceof Number rate ? rate.doubleValue() : null,
        microBatches,
        rejects);
  }

  private List<FluxRecord> records(String flux) {
    return client.getQueryApi().query(flux, org).stream()
        .map(FluxTable::getRecords)
        .flatMap(List::stream)
        .toList();
  }
}
