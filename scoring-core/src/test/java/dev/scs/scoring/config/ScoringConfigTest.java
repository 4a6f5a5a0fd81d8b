package dev.scs.scoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract sections 5 and 6: score, clamping, rounding and tiers. */
class ScoringConfigTest {
  static final String SPEC_EXAMPLE =
      "{\"base_score\":1000,\"min_score\":0,\"max_score\":2000,\"default_half_life\":\"P180D\","
          + "\"max_future_skew\":\"PT5M\",\"tiers\":[{\"name\":\"restricted\",\"min\":0},"
          + "{\"name\":\"watch\",\"min\":850},{\"name\":\"standard\",\"min\":950},"
          + "{\"name\":\"trusted\",\"min\":1050},{\"name\":\"exemplary\",\"min\":1150}]}";

  @Test
  void readsTheSpecExample() throws Exception {
    ScoringConfig config = ScoringConfigParser.parse(SPEC_EXAMPLE);

    assertThat(config.baseScore()).isEqualTo(1000.0);
    assertThat(config.defaultHalfLifeMillis()).isEqualTo(180L * 86_400_000L);
    assertThat(config.maxFutureSkewMillis()).isEqualTo(300_000L);
    assertThat(config.tiers()).hasSize(5);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 1000.00, standard",
    "-150.004999, 850.00, watch",
    "-150.005001, 849.99, restricted",
    "-100, 900.00, watch",
    "50, 1050.00, trusted",
    "49.994, 1049.99, standard",
    "-5000, 0.00, restricted",
    "5000, 2000.00, exemplary",
  })
  void theScoreIsClampedThenRoundedAndTheTierIsTheGreatestMinAtOrBelowIt(
      double raw, String score, String tier) throws Exception {
    ScoringConfig config = ScoringConfigParser.parse(SPEC_EXAMPLE);

    BigDecimal actual = config.score(raw);
    assertThat(actual).isEqualByComparingTo(score);
    assertThat(config.tier(actual)).isEqualTo(tier);
  }

  @Test
  void roundsFromTheExactBinaryValueOfTheDouble() throws Exception {
    ScoringConfig config =
        ScoringConfigParser.parse(SPEC_EXAMPLE.replace("\"base_score\":1000", "\"base_score\":0"));
    // 1.005 is stored as 1.00499999999999989..., so it rounds down.
    assertThat(config.score(1.005)).isEqualByComparingTo("1.00");
    // 0.125 is exact in binary: half-even keeps the even digit.
    assertThat(config.score(0.125)).isEqualByComparingTo("0.12");
  }

  @Test
  void refusesAnInvalidConfigNamingTheField() {
    assertThatThrownBy(
            () -> ScoringConfigParser.parse(SPEC_EXAMPLE.replace("\"P180D\"", "\"P6M\"")))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> assertThat(e.field()).isEqualTo("default_half_life"));
    assertThatThrownBy(
            () ->
                ScoringConfigParser.parse(
                    SPEC_EXAMPLE.replace("\"max_score\":2000", "\"max_score\":\"high\"")))
        .isInstanceOfSatisfying(
            InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("max_score"));
    assertThatThrownBy(
            () ->
                ScoringConfigParser.parse(
                    SPEC_EXAMPLE.replace("\"min_score\":0", "\"min_score\":3000")))
        .isInstanceOfSatisfying(
            InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("min_score"));
  }
}
