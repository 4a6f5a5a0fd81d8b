package dev.scs.stores.influxdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InfluxLayoutTest {

  @Test
  void theContractNamesThreeBucketsWithTheirRetentions() {
    InfluxLayout layout = InfluxLayout.fromContract();

    assertThat(layout.buckets())
        .containsExactly(
            new InfluxBucket("scs_events", Duration.ofDays(90)),
            new InfluxBucket("scs_scores", Duration.ofDays(1825)),
            new InfluxBucket("scs_pipeline", Duration.ofDays(30)));
    assertThat(layout.bucket("scs_events").influxQlDuration()).isEqualTo("2160h");
  }

  @Test
  void aSuffixRenamesEveryBucketAndKeepsItsRetention() {
    InfluxLayout layout = InfluxLayout.fromContract().withSuffix("_it_1");

    assertThat(layout.buckets())
        .extracting(InfluxBucket::name)
        .containsExactly("scs_events_it_1", "scs_scores_it_1", "scs_pipeline_it_1");
    assertThat(layout.bucket("scs_scores_it_1").retention()).isEqualTo(Duration.ofDays(1825));
  }

  @Test
  void aRetentionThatIsNotWholeHoursIsRefused() {
    assertThatThrownBy(
            () -> InfluxLayout.parse("{\"buckets\":[{\"name\":\"b\",\"retention\":\"PT90M\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the retention of bucket b must be a positive whole number of hours");
  }

  @Test
  void aBucketNameInfluxQlWouldNeedToQuoteIsRefused() {
    assertThatThrownBy(
            () -> InfluxLayout.parse("{\"buckets\":[{\"name\":\"a-b\",\"retention\":\"P1D\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"a-b\"");
  }

  @Test
  void goDurationsAsInfluxDbWritesThemAreRead() {
    assertThat(InfluxDatabaseSetup.parseGoDuration("2160h0m0s")).isEqualTo(Duration.ofDays(90));
    assertThat(InfluxDatabaseSetup.parseGoDuration("1h30m0s")).isEqualTo(Duration.ofMinutes(90));
    assertThat(InfluxDatabaseSetup.parseGoDuration("0s")).isZero();
  }
}
