package dev.scs.speed.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusTextFileTest {
  @TempDir Path folder;

  @Test
  void theFileHoldsWhatTheExpositionServesAfterEachMicroBatch() throws Exception {
    Path file = folder.resolve("metrics/speed-layer.prom");
    PrometheusExposition exposition = new PrometheusExposition();
    PrometheusTextFile metrics = new PrometheusTextFile(file, exposition);

    metrics.report(
        PrometheusExpositionTest.batch(0, 100, Map.of("duplicate", 2L), 1500, 40, 0, Map.of()));
    metrics.report(
        PrometheusExpositionTest.batch(1, 50, Map.of("duplicate", 4L), 250, 0, 0, Map.of()));

    assertThat(file).content().isEqualTo(exposition.render());
    assertThat(ExpositionText.parse(Files.readString(file)).samples)
        .containsEntry("scs_speed_micro_batches_total", 2.0)
        .containsEntry("scs_speed_rejects_total{reason=\"duplicate\"}", 6.0);
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }
  }
}
