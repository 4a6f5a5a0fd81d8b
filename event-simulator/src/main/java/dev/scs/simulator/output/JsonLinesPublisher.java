package dev.scs.simulator.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends each line of a JSON Lines file to a sink as it is, in file order, keyed by its citizen_id
 * when one can be read; blank lines are skipped. Lines of one citizen share a key, so a topic keeps
 * them in file order.
 */
public final class JsonLinesPublisher {
  private JsonLinesPublisher() {}

  /** How many lines went out, how many of them without a key, and how many blank ones did not. */
  public record Published(long records, long withoutKey, long blankLines) {}

  public static Published publish(Path file, RecordSink sink, Progress progress)
      throws IOException {
    long records = 0;
    long withoutKey = 0;
    long blank = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          blank++;
          continue;
        }
        String key = CitizenIdReader.citizenId(line);
        if (key == null) {
          withoutKey++;
        }
        sink.send(key, line);
        records++;
        progress.update(records);
      }
    }
    return new Published(records, withoutKey, blank);
  }
}
