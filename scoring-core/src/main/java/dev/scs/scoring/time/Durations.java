package dev.scs.scoring.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * ISO-8601 durations in the form {@link Duration#parse} accepts (days, hours, minutes, seconds; no
 * years or months), as milliseconds. A day is exactly 86,400,000 ms (contract, section 1).
 */
public final class Durations {
  private Durations() {}

  /** Milliseconds, or empty when the text is not such a duration. */
  public static OptionalLong parse(String text) {
    try {
      return OptionalLong.of(Duration.parse(text).toMillis());
    } catch (DateTimeParseException | ArithmeticException e) {
      return OptionalLong.empty();
    }
  }
}
