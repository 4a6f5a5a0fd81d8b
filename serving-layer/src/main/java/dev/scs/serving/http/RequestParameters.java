package dev.scs.serving.http;

import dev.scs.scoring.time.Instants;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Parses and checks every request parameter before it reaches a store: a value that is not exactly
 * of its kind is a 400 naming the parameter. Only checked values (ids of the contract's alphabet,
 * instants and durations re-formatted by this code, small integers) go any further.
 */
public final class RequestParameters {
  /** Contract, section 2: 1-40 characters of [a-z0-9-]. */
  private static final Pattern CITIZEN_ID = Pattern.compile("[a-z0-9-]{1,40}");

  /** Regions, tiers and similar labels: letters, digits, '_' and '-', at most 64. */
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private RequestParameters() {}

  public static String citizenId(Context ctx, String name) {
    String value = ctx.pathParam(name);
    if (!CITIZEN_ID.matcher(value).matches()) {
      throw ApiException.badRequest(
          "path parameter "
              + name
              + " must be a citizen id of 1-40 characters a-z, 0-9 and '-', but was "
              + quoted(value));
    }
    return value;
  }

  /** An RFC 3339 instant in epoch milliseconds, or {@code otherwise} when the query lacks it. */
  public static long instant(Context ctx, String name, long otherwise) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return otherwise;
    }
    OptionalLong parsed = value.length() > 64 ? OptionalLong.empty() : Instants.parse(value);
    if (parsed.isEmpty()) {
      throw ApiException.badRequest(
          "query parameter "
              + name
              + " must be an RFC 3339 instant such as 2026-03-01T12:00:00Z, but was "
              + quoted(value));
    }
    return parsed.getAsLong();
  }

  /** An integer in {@code [min, max]}, or {@code otherwise} when the query lacks it. */
  public static int integer(Context ctx, String name, int min, int max, int otherwise) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return otherwise;
    }
    try {
      int parsed = value.length() > 11 ? Integer.MIN_VALUE : Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw ApiException.badRequest(
        "query parameter "
            + name
            + " must be an integer from "
            + min
            + " to "
            + max
            + ", but was "
            + quoted(value));
  }

  /** An ISO-8601 duration in {@code [min, max]}, or {@code otherwise} when the query lacks it. */
  public static Duration duration(
      Context ctx, String name, Duration min, Duration max, Duration otherwise) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return otherwise;
    }
    try {
      Duration parsed = value.length() > 32 ? null : Duration.parse(value);
      if (parsed != null && parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
        return parsed;
      }
    } catch (DateTimeParseException notADuration) {
      // answered below
    }
    throw ApiException.badRequest(
        "query parameter "
            + name
            + " must be an ISO-8601 duration from "
            + min
            + " to "
            + max
            + " (such as P1D or PT1H), but was "
            + quoted(value));
  }

  /** A label such as a region or tier name, or {@code null} when the query lacks it. */
  public static String label(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!LABEL.matcher(value).matches()) {
      throw ApiException.badRequest(
          "query parameter "
              + name
              + " must be 1-64 characters A-Z, a-z, 0-9, '_' and '-', but was "
              + quoted(value));
    }
    return value;
  }

  /** The value in quotes, shortened: error messages echo what was sent, never all of it. */
  static String quoted(String value) {
    String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
    StringBuilder printable = new StringBuilder("\"");
    shown.codePoints().forEach(c -> printable.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
    return printable.append('"').toString();
  }
}
