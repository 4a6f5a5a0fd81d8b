package dev.scs.speed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The speed layer's runnable jar in a JVM of its own, {@code stream --available-now}, so that a
 * test can kill it as an operator's {@code kill -9} or a lost machine would. Its settings are the
 * config's, passed as {@code -Dkey=value}.
 */
final class SpeedLayerProcess {
  private final Process process;
  private final Path log;

  private SpeedLayerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static SpeedLayerProcess start(SpeedLayerConfig config, Map<String, String> extra, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1536m");
    config.asMap().forEach((key, value) -> command.add("-D" + key + "=" + value));
    config.stores().asMap().forEach((key, value) -> command.add("-D" + key + "=" + value));
    extra.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(shadedJar().toString());
    command.add("stream");
    command.add("--available-now");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new SpeedLayerProcess(process, log);
  }

  /** The jar `mvn verify` packaged before running the integration tests. */
  private static Path shadedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(file -> file.getFileName().toString().matches("scs-speed-layer-.*-shaded\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no shaded jar under speed-layer/target: run the ITs with mvn verify"));
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: the JVM gets no chance to stop the query, flush or run shutdown hooks. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Waits for the process to end by itself and returns its exit code. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "the speed layer did not finish within " + timeout + "; its log: " + log);
    }
    return process.exitValue();
  }
}
