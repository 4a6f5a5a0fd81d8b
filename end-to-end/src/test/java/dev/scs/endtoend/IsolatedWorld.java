package dev.scs.endtoend;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A world of its own on the local stack for one test: its own keyspace, database, topics, InfluxDB
 * buckets, checkpoints, lake and ports, handed to every {@code ./scs} command as {@code -D}
 * settings (each component picks the keys it knows), so that it shares nothing with the demo or
 * other tests.
 */
final class IsolatedWorld {
  private final String name;
  private final Path folder;
  private final int speedMetricsPort;
  private final int httpPort;

  IsolatedWorld(String purpose, Path parent) throws IOException {
    this.name =
        purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_")
            + "_"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    this.folder = parent.resolve(name).toAbsolutePath();
    this.speedMetricsPort = freePort();
    this.httpPort = freePort();
  }

  String name() {
    return name;
  }

  Path folder() {
    return folder;
  }

  String speedMetricsUrl() {
    return "http://127.0.0.1:" + speedMetricsPort + "/metrics";
  }

  String api() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** Every setting that names a place of this world, as {@code -Dkey=value} options. */
  String javaOptions() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("cassandra.keyspace", name);
    settings.put("mongodb.database", name);
    String events = name.replace('_', '-') + "-events";
    String deadLetters = name.replace('_', '-') + "-events-dlq";
    String scoreUpdates = name.replace('_', '-') + "-score-updates";
    for (String component : new String[] {"simulator", "speed"}) {
      settings.put(component + ".events-topic", events);
      settings.put(component + ".dead-letter-topic", deadLetters);
      settings.put(component + ".score-updates-topic", scoreUpdates);
      settings.put(component + ".influxdb-bucket-suffix", "_" + name);
    }
    settings.put("serving.score-updates-topic", scoreUpdates);
    settings.put("checkpoints.path", folder.resolve("checkpoints").toString());
    settings.put("speed.checkpoint-location", folder.resolve("checkpoints/speed").toString());
    settings.put("speed.metrics-file", folder.resolve("speed-layer.prom").toString());
    settings.put("speed.metrics-address", "127.0.0.1:" + speedMetricsPort);
    settings.put("lake.path", folder.resolve("lake").toString());
    settings.put("http.port", Integer.toString(httpPort));
    return settings.entrySet().stream()
        .map(setting -> "-D" + setting.getKey() + "=" + setting.getValue())
        .collect(Collectors.joining(" "));
  }

  String deadLetterTopic() {
    return name.replace('_', '-') + "-events-dlq";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
