package dev.scs.speed;

import dev.scs.testing.ProcStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Where a benchmark's CPU goes: the CPU time of the local stack's servers and of this JVM, read
 * from {@code /proc} (Linux) before and after a run. On a 2-core machine that runs the job and
 * every store, the sum is what bounds the throughput, and the split says which part to make
 * cheaper. Elsewhere (no {@code /proc}) the report says it has nothing.
 */
final class ProcessCpu {
  static final String THIS_JVM = "job+producer";

  private static final Path PROC = Path.of("/proc");

  /** CPU ticks by process name, and when they were read. */
  record Snapshot(Map<String, Long> ticksByName, long takenAtNanos) {}

  private ProcessCpu() {}

  static Snapshot take() {
    Map<String, Long> ticks = new TreeMap<>();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        try {
          String stat = Files.readString(process.resolve("stat"), StandardCharsets.UTF_8);
          String commandLine =
              new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                  .replace('\0', ' ');
          boolean thisJvm = Long.parseLong(process.getFileName().toString()) == self;
          ticks.merge(nameOf(commandLine, thisJvm), ProcStat.cpuTicks(stat), Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the process ended between the listing and the read: it used nothing we can count
        }
      }
    } catch (IOException noProc) {
      return new Snapshot(Map.of(), System.nanoTime());
    }
    return new Snapshot(ticks, System.nanoTime());
  }

  /** Which part of the system a process is, from its command line. */
  static String nameOf(String commandLine, boolean thisJvm) {
    if (thisJvm) {
      return THIS_JVM;
    }
    if (commandLine.contains("CassandraDaemon")) {
      return "cassandra";
    }
    if (commandLine.contains("kafka.Kafka")) {
      return "kafka";
    }
    if (commandLine.contains("ferretdb")) {
      return "ferretdb";
    }
    if (commandLine.contains("influxd")) {
      return "influxdb";
    }
    if (commandLine.contains("dgraph")) {
      return "dgraph";
    }
    return "other";
  }

  /**
   * Microseconds of CPU per event by part, largest first, the total, and how busy the machine's
   * cores were: {@code cassandra 88, job+producer 47, ...; all 170 µs/event, cores 97 % busy}.
   */
  static String perEvent(Snapshot before, Snapshot after, long events, int cores) {
    if (after.ticksByName().isEmpty() || events <= 0) {
      return "CPU by process: not available (no /proc)";
    }
    Map<String, Double> micros = new LinkedHashMap<>();
    double totalSeconds = 0;
    for (Map.Entry<String, Long> entry : after.ticksByName().entrySet()) {
      long ticks = entry.getValue() - before.ticksByName().getOrDefault(entry.getKey(), 0L);
      double seconds = Math.max(0, ticks) / ProcStat.TICKS_PER_SECOND;
      totalSeconds += seconds;
      micros.put(entry.getKey(), seconds * 1e6 / events);
    }
    StringJoiner parts = new StringJoiner(", ", "CPU µs/event: ", "");
    micros.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .filter(part -> part.getValue() >= 0.5)
        .forEach(
            part ->
                parts.add(String.format(Locale.ROOT, "%s %.0f", part.getKey(), part.getValue())));
    double wallSeconds = (after.takenAtNanos() - before.takenAtNanos()) / 1e9;
    return String.format(
        Locale.ROOT,
        "%s; all %.0f, cores %.0f %% busy",
        parts,
        totalSeconds * 1e6 / events,
        100 * totalSeconds / (wallSeconds * cores));
  }
}
