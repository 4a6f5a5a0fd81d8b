package dev.scs.batch.run;

import dev.scs.scoring.time.Instants;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The watermark W of a batch run (contract, section 7): the run covers every event ingested before
 * W. The run id is W itself in a compact, sortable form, so that a re-run for the same W writes the
 * same rows again (idempotent) and run ids sort like their watermarks.
 *
 * @param epochMillis W in UTC epoch milliseconds
 */
public record Watermark(long epochMillis) {
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** W from an RFC 3339 instant, e.g. a {@code --watermark} option. */
  public static Watermark parse(String text, String what) {
    return new Watermark(Instants.parseOrThrow(text, what));
  }

  /** The default W: the start of the run, truncated to the millisecond like every instant. */
  public static Watermark startingNow(java.time.Clock clock) {
    return new Watermark(clock.millis());
  }

  /** {@code 20260501T071300.000Z} for 2026-05-01T07:13:00Z. */
  public String runId() {
    return RUN_ID.format(Instant.ofEpochMilli(epochMillis));
  }

  @Override
  public String toString() {
    return Instants.format(epochMillis);
  }
}
