package dev.scs.simulator.output;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Reports a long run on standard error every few seconds ({@code simulate: 1,200,000 of 10,000,000
 * events (12%), 410,000 events/s}), so that standard output keeps only the summary.
 */
public final class Progress {
  private static final long INTERVAL_NANOS = 2_000_000_000L;

  private final PrintWriter out;
  private final String label;
  private final String unit;
  private final long total;
  private final long started = System.nanoTime();
  private long lastReport = started;

  /** {@code total} may be 0 when it is not known in advance. */
  public Progress(PrintWriter out, String label, String unit, long total) {
    this.out = out;
    this.label = label;
    this.unit = unit;
    this.total = total;
  }

  /** Call often; prints at most every two seconds. */
  public void update(long done) {
    long now = System.nanoTime();
    if (now - lastReport < INTERVAL_NANOS) {
      return;
    }
    lastReport = now;
    String of =
        total > 0
            ? String.format(Locale.ROOT, " of %,d %s (%d%%)", total, unit, done * 100 / total)
            : " " + unit;
    out.printf(Locale.ROOT, "%s: %,d%s, %,.0f %s/s%n", label, done, of, perSecond(done), unit);
  }

  public double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  public double perSecond(long done) {
    double seconds = seconds();
    return seconds > 0 ? done / seconds : 0;
  }
}
