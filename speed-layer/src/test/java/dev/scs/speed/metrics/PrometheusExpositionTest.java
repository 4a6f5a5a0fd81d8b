package dev.scs.speed.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusExpositionTest {

  @Test
  void beforeTheFirstMicroBatchOnlyTheCountersShowAndTheyAreZero() {
    ExpositionText text = ExpositionText.parse(new PrometheusExposition().render());

    assertThat(text.samples)
        .containsOnly(
            entry("scs_speed_micro_batches_total", 0.0),
            entry("scs_speed_input_records_total", 0.0),
            entry("scs_speed_accepted_events_total", 0.0),
            entry("scs_speed_firings_total", 0.0),
            entry("scs_speed_replayed_micro_batches_total", 0.0),
            entry("scs_speed_rules_refused_total", 0.0));
    assertThat(text.types).containsEntry("scs_speed_rejects_total", "counter");
  }

  @Test
  void countersAddUpOverMicroBatchesAndGaugesShowTheLatest() {
    PrometheusExposition exposition = new PrometheusExposition();
    exposition.report(
        batch(0, 100, Map.of("malformed_json", 2L), 1500, 40, 1, Map.of("score", 12L)));
    exposition.report(
        batch(
            1,
            50,
            Map.of("malformed_json", 1L, "duplicate", 4L),
            250,
            0,
            2,
            Map.of("score", 7L, "mongodb", 1234L)));

    ExpositionText text = ExpositionText.parse(exposition.render());

    assertThat(text.samples)
        .containsEntry("scs_speed_micro_batches_total", 2.0)
        .containsEntry("scs_speed_input_records_total", 150.0)
        .containsEntry("scs_speed_accepted_events_total", 150.0)
        .containsEntry("scs_speed_firings_total", 30.0)
        .containsEntry("scs_speed_rules_refused_total", 2.0)
        .containsEntry("scs_speed_rejects_total{reason=\"duplicate\"}", 4.0)
        .containsEntry("scs_speed_rejects_total{reason=\"malformed_json\"}", 3.0)
        .containsEntry("scs_speed_last_batch_id", 1.0)
        .containsEntry("scs_speed_last_batch_end_time_seconds", 1_700_000_000.001)
        .containsEntry("scs_speed_batch_input_records", 50.0)
        .containsEntry("scs_speed_batch_duration_seconds", 0.25)
        .containsEntry("scs_speed_input_records_per_second", 10.5)
        .containsEntry("scs_speed_processed_records_per_second", 20.0)
        .containsEntry("scs_speed_consumer_lag_records", 0.0)
        .containsEntry("scs_speed_step_duration_seconds{step=\"score\"}", 0.007)
        .containsEntry("scs_speed_step_duration_seconds{step=\"mongodb\"}", 1.234);
    assertThat(exposition.lastBatchId()).isEqualTo(1);
  }

  @Test
  void everyFamilyHasHelpAndTheRightTypeAndCountersEndInTotal() {
    PrometheusExposition exposition = new PrometheusExposition();
    exposition.report(batch(3, 10, Map.of("unknown_citizen", 1L), 100, -1, 0, Map.of()));

    ExpositionText text = ExpositionText.parse(exposition.render());

    assertThat(text.helps.keySet()).isEqualTo(text.types.keySet());
    text.types.forEach(
        (family, type) -> {
          assertThat(type).isIn("counter", "gauge");
          assertThat(family.endsWith("_total")).as(family).isEqualTo(type.equals("counter"));
        });
    assertThat(text.samples).containsEntry("scs_speed_consumer_lag_records", -1.0);
  }

  @Test
  void aLabelValueIsEscaped() {
    PrometheusExposition exposition = new PrometheusExposition();
    exposition.report(batch(0, 1, Map.of("odd\"reason\\", 1L), 10, 0, 0, Map.of()));

    assertThat(exposition.render())
        .contains("scs_speed_rejects_total{reason=\"odd\\\"reason\\\\\"} 1\n");
  }

  static MicroBatchMetrics batch(
      long batchId,
      long rows,
      Map<String, Long> rejects,
      long durationMillis,
      long lag,
      long rulesRefused,
      Map<String, Long> millisByStep) {
    return new MicroBatchMetrics(
        batchId,
        1_700_000_000_001L,
        rows,
        10.5,
        20.0,
        durationMillis,
        lag,
        rows,
        15,
        rejects,
        rulesRefused,
        false,
        millisByStep);
  }
}
