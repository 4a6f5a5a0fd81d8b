package dev.scs.serving.bench;

import dev.scs.testing.ProcStat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time spent by named processes and by the whole machine, from Linux's {@code /proc}, so that a
 * run can say what each request cost each process: on a 2-core machine shared by the load
 * generator, the server and the stores, CPU per request is what decides the latency at a rate.
 */
final class ProcessCpu {

  private final Map<String, Long> pids;

  /**
   * @param pids process name to pid; the generator itself is added as {@code generator}
   */
  ProcessCpu(Map<String, Long> pids) {
    this.pids = new LinkedHashMap<>(pids);
    this.pids.put("generator", ProcessHandle.current().pid());
  }

  /** Parses {@code name:pid,name:pid}; empty text gives no processes. */
  static Map<String, Long> parse(String text) {
    Map<String, Long> pids = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return pids;
    }
    for (String pair : text.split(",")) {
      String[] parts = pair.split(":");
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected name:pid, got \"" + pair + "\"");
      }
      pids.put(parts[0].trim(), Long.parseLong(parts[1].trim()));
    }
    return pids;
  }

  List<String> names() {
    List<String> names = new ArrayList<>(pids.keySet());
    names.add("machine");
    return names;
  }

  /** CPU seconds so far of each process, then of the whole machine (busy time of every core). */
  double[] sample() {
    double[] seconds = new double[pids.size() + 1];
    int i = 0;
    for (Map.Entry<String, Long> process : pids.entrySet()) {
      seconds[i++] =
          process.getKey().equals("generator")
              ? ownCpuSeconds()
              : processSeconds(process.getValue());
    }
    seconds[i] = machineBusySeconds();
    return seconds;
  }

  private static double ownCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  /** utime + stime of /proc/PID/stat (fields 14 and 15); NaN when the process is gone. */
  private static double processSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return ProcStat.cpuTicks(stat) / ProcStat.TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Sum of the non-idle times of the "cpu" line of /proc/stat. */
  private static double machineBusySeconds() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int f = 1; f < fields.length && f <= 8; f++) {
        if (f != 4 && f != 5) { // idle, iowait
          busy += Long.parseLong(fields[f]);
        }
      }
      return busy / ProcStat.TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
