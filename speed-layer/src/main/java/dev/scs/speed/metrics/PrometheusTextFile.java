package dev.scs.speed.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The metrics of {@link PrometheusExposition}, rewritten whole to a file after each micro-batch:
 * node_exporter's textfile collector (or any scraper of a file) exposes them. It reports to the
 * exposition first, so the endpoint and the file show the same micro-batch.
 */
public final class PrometheusTextFile implements MetricsReporter {
  private final Path file;
  private final PrometheusExposition exposition;

  public PrometheusTextFile(Path file, PrometheusExposition exposition) {
    this.file = file;
    this.exposition = exposition;
  }

  @Override
  public void report(MicroBatchMetrics metrics) {
    exposition.report(metrics);
    write(exposition.render());
  }

  /** Replaces the file in one step, so that a scraper never reads half of it. */
  private synchronized void write(String text) {
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
