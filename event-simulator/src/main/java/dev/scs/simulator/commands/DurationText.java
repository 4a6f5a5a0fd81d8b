package dev.scs.simulator.commands;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people type them ({@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}) or
 * ISO-8601.
 */
final class DurationText {
  private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

  private DurationText() {}

  static Duration parse(String text) {
    Matcher matcher = SHORT.matcher(text.trim());
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration: write 90s, 10m, 2h, 1d or ISO-8601 such as PT10M");
    }
  }
}
