package dev.scs.speed.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics in Prometheus' text exposition format (version 0.0.4), as of the latest micro-batch:
 * counters add up since the job started; gauges describe the latest micro-batch and are left out
 * until the first one. The HTTP endpoint ({@link MetricsEndpoint}) and the text file ({@link
 * PrometheusTextFile}) serve the same text.
 */
public final class PrometheusExposition implements MetricsReporter {
  /** The Content-Type of the text format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private long batches;
  private long inputRows;
  private long accepted;
  private long firings;
  private long replayedBatches;
  private long rulesRefused;
  private final Map<String, Long> rejectsByReason = new TreeMap<>();
  private MicroBatchMetrics latest;

  @Override
  public synchronized void report(MicroBatchMetrics metrics) {
    batches++;
    inputRows += metrics.inputRows();
    accepted += metrics.accepted();
    firings += metrics.firings();
    replayedBatches += metrics.replayed() ? 1 : 0;
    // counted by the job since it started, so the latest report holds the total
    rulesRefused = Math.max(rulesRefused, metrics.rulesRefused());
    metrics
        .rejectsByReason()
        .forEach((reason, count) -> rejectsByReason.merge(reason, count, Long::sum));
    latest = metrics;
  }

  /** The latest micro-batch's id, or -1 before the first. */
  public synchronized long lastBatchId() {
    return latest == null ? -1 : latest.batchId();
  }

  /** When the latest micro-batch ended, epoch ms, or -1 before the first. */
  public synchronized long lastBatchEndedAt() {
    return latest == null ? -1 : latest.endedAt();
  }

  public synchronized String render() {
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
        rulesRefused);
    header(text, "scs_speed_rejects_total", "Rejected records, by reason.", "counter");
    rejectsByReason.forEach(
        (reason, count) -> sample(text, "scs_speed_rejects_total", "reason", reason, count));
    if (latest == null) {
      return text.toString();
    }
    gauge(text, "scs_speed_last_batch_id", "Id of the latest micro-batch.", latest.batchId());
    gauge(
        text,
        "scs_speed_last_batch_end_time_seconds",
        "When the latest micro-batch ended, seconds since the epoch.",
        latest.endedAt() / 1000.0);
    gauge(
        text,
        "scs_speed_batch_input_records",
        "Records in the latest micro-batch.",
        latest.inputRows());
    gauge(
        text,
        "scs_speed_batch_duration_seconds",
        "Duration of the latest micro-batch.",
        latest.durationMillis() / 1000.0);
    header(
        text,
        "scs_speed_step_duration_seconds",
        "Duration of each step of the latest micro-batch.",
        "gauge");
    new TreeMap<>(latest.millisByStep())
        .forEach(
            (step, millis) ->
                sample(text, "scs_speed_step_duration_seconds", "step", step, millis / 1000.0));
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

  private static void header(StringBuilder text, String name, String help, String type) {
    text.append("# HELP ").append(name).append(' ').append(help).append('\n');
    text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void counter(StringBuilder text, String name, String help, long value) {
    header(text, name, help, "counter");
    text.append(name).append(' ').append(value).append('\n');
  }

  private static void gauge(StringBuilder text, String name, String help, double value) {
    header(text, name, help, "gauge");
    text.append(name).append(' ').append(format(value)).append('\n');
  }

  private static void sample(
      StringBuilder text, String name, String label, String labelValue, double value) {
    text.append(name)
        .append('{')
        .append(label)
        .append("=\"")
        .append(escaped(labelValue))
        .append("\"} ")
        .append(format(value))
        .append('\n');
  }

  /** Label values escape backslash, double quote and line feed (the text format's rules). */
  private static String escaped(String labelValue) {
    return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.3f", value);
  }
}
