package dev.scs.speed.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics in Prometheus' text format, rewritten whole after each micro-batch: node_exporter's
 * textfile collector (or any scraper of a file) exposes them. Counters add up since the job
 * started; gauges describe the latest micro-batch.
 */
public final class PrometheusTextFile implements MetricsReporter {
  private final Path file;
  private long batches;
  private long inputRows;
  private long accepted;
  private long firings;
  private long replayedBatches;
  private final Map<String, Long> rejectsByReason = new TreeMap<>();

  public PrometheusTextFile(Path file) {
    this.file = file;
  }

  @Override
  public synchronized void report(MicroBatchMetrics metrics) {
    batches++;
    inputRows += metrics.inputRows();
    accepted += metrics.accepted();
    firings += metrics.firings();
    replayedBatches += metrics.replayed() ? 1 : 0;
    metrics
        .rejectsByReason()
        .forEach((reason, count) -> rejectsByReason.merge(reason, count, Long::sum));
    write(render(metrics));
  }

  String render(MicroBatchMetrics latest) {
    StringBuilder text = new StringBuilder();
    counter(text, "scs_speed_micro_batches_total", "Micro-batches written.", batches);
    counter(text, "scs_speed_input_records_total", "Records read from the event topic.", inputRows);
    counter(text, "scs_speed_accepted_events_total", "Accepted, first-seen events.", accepted);
    counter(text, "scs_speed_firings_total", "Ledger entries written.", firings);
    counter(
        text,
        "scs_speed_replayed_micro_batches_total",
        "Micro-batches Spark ran again after a restart.",
        replayedBatches);
    counter(
        text,
        "scs_speed_rules_refused_total",
        "Distinct rule or config sets refused.",
        latest.rulesRefused());
    text.append("# HELP scs_speed_rejects_total Rejected records, by reason.\n");
    text.append("# TYPE scs_speed_rejects_total counter\n");
    rejectsByReason.forEach(
        (reason, count) ->
            text.append("scs_speed_rejects_total{reason=\"")
                .append(reason)
                .append("\"} ")
                .append(count)
                .append('\n'));
    gauge(text, "scs_speed_last_batch_id", "Id of the latest micro-batch.", latest.batchId());
    gauge(
        text,
        "scs_speed_batch_duration_seconds",
        "Duration of the latest micro-batch.",
        latest.durationMillis() / 1000.0);
    text.append(
        "# HELP scs_speed_step_duration_seconds Duration of each step of the latest micro-batch.\n");
    text.append("# TYPE scs_speed_step_duration_seconds gauge\n");
    latest
        .millisByStep()
        .forEach(
            (step, millis) ->
                text.append("scs_speed_step_duration_seconds{step=\"")
                    .append(step)
                    .append("\"} ")
                    .append(format(millis / 1000.0))
                    .append('\n'));
    gauge(
        text,
        "scs_speed_input_records_per_second",
        "Arrival rate measured by the latest micro-batch.",
        latest.inputRate());
    gauge(
        text,
        "scs_speed_processed_records_per_second",
        "Processing rate of the latest micro-batch.",
        latest.processingRate());
    gauge(
        text,
        "scs_speed_consumer_lag_records",
        "Records in the topic not yet read after the latest micro-batch (-1: unknown).",
        latest.lag());
    return text.toString();
  }

  private static void counter(StringBuilder text, String name, String help, long value) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n');
    text.append("# TYPE ").append(name).append(" counter\n");
    text.append(name).append(' ').append(value).append('\n');
  }

  private static void gauge(StringBuilder text, String name, String help, double value) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n');
    text.append("# TYPE ").append(name).append(" gauge\n");
    text.append(name).append(' ').append(format(value)).append('\n');
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.3f", value);
  }

  /** Replaces the file in one step, so that a scraper never reads half of it. */
  private void write(String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, ".speed-layer", ".prom.tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the metrics file " + file, e);
    }
  }
}
