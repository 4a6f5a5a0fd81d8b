package dev.scs.speed.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusTextFileTest {
  @TempDir Path folder;

  @Test
  void countersAddUpOverMicroBatchesAndGaugesShowTheLatest() {
    Path file = folder.resolve("metrics/speed-layer.prom");
    PrometheusTextFile metrics = new PrometheusTextFile(file);

    metrics.report(batch(0, 100, Map.of("malformed_json", 2L), 1500, 40));
    metrics.report(batch(1, 50, Map.of("malformed_json", 1L, "duplicate", 4L), 250, 0));

    assertThat(file)
        .content()
        .contains("scs_speed_micro_batches_total 2\n")
        .contains("scs_speed_input_records_total 150\n")
        .contains("scs_speed_firings_total 30\n")
        .contains("scs_speed_rejects_total{reason=\"duplicate\"} 4\n")
        .contains("scs_speed_rejects_total{reason=\"malformed_json\"} 3\n")
        .contains("scs_speed_last_batch_id 1\n")
        .contains("scs_speed_batch_duration_seconds 0.250\n")
        .contains("scs_speed_consumer_lag_records 0\n")
        .contains("scs_speed_step_duration_seconds{step=\"score\"} 0.012\n")
        .contains("# TYPE scs_speed_consumer_lag_records gauge\n");
  }

  private static MicroBatchMetrics batch(
      long batchId, long rows, Map<String, Long> rejects, long durationMillis, long lag) {
    return new MicroBatchMetrics(
        batchId,
        0,
        rows,
        10.0,
        20.0,
        durationMillis,
        lag,
        rows,
        15,
        rejects,
        0,
        false,
        Map.of("score", 12L));
  }
}
