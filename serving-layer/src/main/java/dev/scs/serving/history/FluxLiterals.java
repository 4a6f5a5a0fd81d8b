package dev.scs.serving.history;

import dev.scs.scoring.time.Instants;

/**
 * Values written into Flux query text. InfluxDB OSS (1.8 locally, 2.x in production) has no query
 * parameters (the {@code params} of {@code /api/v2/query} exist only in InfluxDB Cloud), so every
 * value a request supplies is first checked by {@link dev.scs.serving.http.RequestParameters} and
 * then written here as a literal of its type: a string with its quotes, backslashes and
 * interpolations escaped, a time from epoch milliseconds, a duration from a number.
 */
public final class FluxLiterals {
  private FluxLiterals() {}

  /** A Flux string literal: {@code "..."} with {@code \}, {@code "} and {@code $} escaped. */
  public static String string(String value) {
    StringBuilder literal = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> literal.append("\\\\");
        case '"' -> literal.append("\\\"");
        case '$' -> literal.append("\\$");
        case '\n' -> literal.append("\\n");
        case '\r' -> literal.append("\\r");
        case '\t' -> literal.append("\\t");
        default -> literal.append(c);
      }
    }
    return literal.append('"').toString();
  }

  /** A Flux time literal, RFC 3339 in UTC. */
  public static String time(long epochMillis) {
    return Instants.format(epochMillis);
  }

  /** A Flux duration literal in milliseconds. */
  public static String millis(long millis) {
    return millis + "ms";
  }
}
