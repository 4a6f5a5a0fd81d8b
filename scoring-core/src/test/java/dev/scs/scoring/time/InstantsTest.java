package dev.scs.scoring.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract section 1: RFC 3339 instants, normalised to UTC epoch milliseconds. */
class InstantsTest {

  @ParameterizedTest
  @CsvSource({
    "2026-03-01T12:00:00Z, 2026-03-01T12:00:00Z",
    "2026-03-01t12:00:00z, 2026-03-01T12:00:00Z",
    "2026-03-01T14:00:00+02:00, 2026-03-01T12:00:00Z",
    "2026-03-01T10:30:00-01:30, 2026-03-01T12:00:00Z",
    "2026-02-01T12:00:00.123987+02:00, 2026-02-01T10:00:00.123Z",
    "2026-02-01T10:00:00.1239Z, 2026-02-01T10:00:00.123Z",
    "2026-02-01T10:00:00.5Z, 2026-02-01T10:00:00.500Z",
    "1969-12-31T23:59:59.9999Z, 1969-12-31T23:59:59.999Z",
  })
  void normalisesToUtcAndTruncatesBeyondMillisecondsTowardThePast(String text, String expected) {
    assertThat(Instants.parse(text)).hasValue(Instant.parse(expected).toEpochMilli());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026-03-01",
        "2026-03-01T12:00Z",
        "2026-03-01T12:00:00",
        "2026-03-01 12:00:00Z",
        "2026-02-30T12:00:00Z",
        "2026-03-01T24:00:00Z",
        "2026-03-01T12:00:60Z",
        "2026-03-01T12:00:00.Z",
        "2026-03-01T12:00:00+0200",
        "2026-03-01T12:00:00Z ",
        "+2026-03-01T12:00:00Z",
        "2026-3-01T12:00:00Z"
      })
  void refusesTextThatIsNotAnRfc3339DateTime(String text) {
    assertThat(Instants.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"P1D, 86400000", "PT12H, 43200000", "P30DT6H, 2613600000", "PT0.5S, 500"})
  void durationsAreMillisecondsWithADayOfExactly86400000(String text, long millis) {
    assertThat(Durations.parse(text)).hasValue(millis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1Y", "P1M", "1D", "P", "PT", "one day"})
  void durationsWithYearsMonthsOrNoUnitAreRefused(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }
}
