package dev.scs.serving.history;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.query.FluxRecord;
import com.influxdb.query.FluxTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link ScoreHistory} from bucket {@code scs_scores} with Flux (schemas/influxdb/layout.json). */
public final class InfluxScoreHistory implements ScoreHistory {
  public static final String BUCKET = "scs_scores";

  private final InfluxDBClient client;
  private final String org;
  private final String bucket;

  public InfluxScoreHistory(InfluxDBClient client, String org, String bucket) {
    this.client = client;
    this.org = org;
    this.bucket = bucket;
  }

  /**
   * The query: a citizen's score_change points are a series per rule, so they are regrouped by
   * field before taking the last value of each window.
   */
  static String query(String bucket, String citizenId, long from, long to, Duration every) {
    return "from(bucket: "
        + FluxLiterals.string(bucket)
        + ")\n"
        + "  |> range(start: "
        + FluxLiterals.time(from)
        + ", stop: "
        + FluxLiterals.time(to + 1)
        + ")\n"
        + "  |> filter(fn: (r) => r._measurement == \"score_change\" and r.citizen_id == "
        + FluxLiterals.string(citizenId)
        + ")\n"
        + "  |> filter(fn: (r) => r._field == \"score\" or r._field == \"raw\")\n"
        + "  |> group(columns: [\"_field\"])\n"
        + "  |> sort(columns: [\"_time\"])\n"
        + "  |> aggregateWindow(every: "
        + FluxLiterals.millis(every.toMillis())
        + ", fn: last, createEmpty: false)\n"
        + "  |> pivot(rowKey: [\"_time\"], columnKey: [\"_field\"], valueColumn: \"_value\")\n";
  }

  @Override
  public List<HistoryPoint> history(String citizenId, long from, long to, Duration every) {
    List<FluxTable> tables =
        client.getQueryApi().query(query(bucket, citizenId, from, to, every), org);
    List<HistoryPoint> points = new ArrayList<>();
    for (FluxTable table : tables) {
      for (FluxRecord record : table.getRecords()) {
        Instant time = record.getTime();
        Object score = record.getValueByKey("score");
        Object raw = record.getValueByKey("raw");
        if (time != null && score instanceof Number s && raw instanceof Number r) {
          points.add(new HistoryPoint(time.toEpochMilli(), s.doubleValue(), r.doubleValue()));
        }
      }
    }
    points.sort(java.util.Comparator.comparingLong(HistoryPoint::time));
    return points;
  }
}
