package dev.scs.serving.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InfluxSpeedMetricsTest {

  @Test
  void theQueriesReadTheMicroBatchesOfTheWindow() {
    assertThat(InfluxSpeedMetrics.source("scs_pipeline", Duration.ofHours(1)))
        .contains("from(bucket: \"scs_pipeline\")")
        .contains("range(start: -3600000ms)")
        .contains("r._measurement == \"micro_batch\"");
  }
}
