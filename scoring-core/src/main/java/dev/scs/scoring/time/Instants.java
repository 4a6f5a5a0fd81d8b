package dev.scs.scoring.time;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;

/**
 * RFC 3339 instants as the scoring contract reads them (section 1): an offset is normalised to UTC,
 * fractional seconds beyond milliseconds are truncated toward the past, and every instant becomes
 * UTC epoch milliseconds.
 *
 * <p>Hand-written rather than a regular expression because it runs once per event on the hot path.
 */
public final class Instants {
  private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ISO_INSTANT;

  private Instants() {}

  /** Epoch milliseconds, or empty when the text is not an RFC 3339 date-time. */
  public static OptionalLong parse(String text) {
    // yyyy-MM-ddTHH:mm:ss then optional fraction, then Z or +hh:mm
    int length = text.length();
    if (length < 20) {
      return OptionalLong.empty();
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    char separator = text.charAt(10);
    if (year < 0
        || month < 0
        || day < 0
        || hour < 0
        || minute < 0
        || second < 0
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || (separator != 'T' && separator != 't')
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return OptionalLong.empty();
    }
    int position = 19;
    int millis = 0;
    if (text.charAt(position) == '.') {
      int start = ++position;
      while (position < length && isDigit(text.charAt(position))) {
        if (position - start < 3) {
          millis = millis * 10 + (text.charAt(position) - '0');
        }
        position++;
      }
      int fractionDigits = position - start;
      if (fractionDigits == 0) {
        return OptionalLong.empty();
      }
      for (int i = fractionDigits; i < 3; i++) {
        millis *= 10;
      }
    }
    if (position >= length) {
      return OptionalLong.empty();
    }
    int offsetSeconds;
    char zone = text.charAt(position);
    if ((zone == 'Z' || zone == 'z') && position + 1 == length) {
      offsetSeconds = 0;
    } else if ((zone == '+' || zone == '-') && position + 6 == length) {
      int offsetHours = digits(text, position + 1, 2);
      int offsetMinutes = digits(text, position + 4, 2);
      if (offsetHours < 0
          || offsetMinutes < 0
          || text.charAt(position + 3) != ':'
          || offsetHours > 23
          || offsetMinutes > 59) {
        return OptionalLong.empty();
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (zone == '-' ? -1 : 1);
    } else {
      return OptionalLong.empty();
    }
    try {
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
      long epochSecond = local.toEpochSecond(ZoneOffset.UTC) - offsetSeconds;
      return OptionalLong.of(Math.addExact(Math.multiplyExact(epochSecond, 1000L), millis));
    } catch (DateTimeException | ArithmeticException e) {
      return OptionalLong.empty();
    }
  }

  /** Like {@link #parse} but for trusted input such as a command-line option. */
  public static long parseOrThrow(String text, String what) {
    OptionalLong parsed = parse(text);
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException(
          what + " '" + text + "' is not an RFC 3339 instant such as 2026-03-01T12:00:00Z");
    }
    return parsed.getAsLong();
  }

  /** The canonical text of an instant: UTC, ISO-8601, e.g. {@code 2026-03-01T12:00:00.123Z}. */
  public static String format(long epochMillis) {
    return OUTPUT.format(java.time.Instant.ofEpochMilli(epochMillis));
  }

  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
