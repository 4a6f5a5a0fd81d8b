package dev.scs.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How far a running speed layer has got, from its Prometheus endpoint: {@code
 * scs_speed_input_records_total} counts the records of every micro-batch whose sinks have all
 * written (accepted and rejected alike).
 */
final class SpeedLayerProgress {
  private static final String READ = "scs_speed_input_records_total";

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI metrics;
  private final Process job;

  SpeedLayerProgress(String metricsUrl, Process job) {
    this.metrics = URI.create(metricsUrl);
    this.job = job;
  }

  /** Waits until the speed layer has read at least {@code records} records of the event topic. */
  void awaitRecordsRead(long records, Duration patience, ProjectCommand scs)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    long read = 0;
    while (read < records) {
      if (!job.isAlive()) {
        throw new AssertionError(
            "the speed layer stopped at " + read + " records\n" + scs.logTail("speed"));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the speed layer read "
                + read
                + " of "
                + records
                + " records in "
                + patience
                + "\n"
                + scs.logTail("speed"));
      }
      Thread.sleep(1000);
      read = recordsRead();
    }
  }

  private long recordsRead() throws InterruptedException {
    try {
      String text =
          http.send(
                  HttpRequest.newBuilder(metrics).GET().build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      for (String line : text.split("\n")) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length == 2 && fields[0].equals(READ)) {
          return (long) Double.parseDouble(fields[1]);
        }
      }
      return 0;
    } catch (IOException notListeningYet) {
      // The endpoint opens once Spark has started; until then nothing has been read.
      return 0;
    }
  }
}
