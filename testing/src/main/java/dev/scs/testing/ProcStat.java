package dev.scs.testing;

/** The CPU time in a Linux {@code /proc/PID/stat} line, for benchmarks that say where CPU went. */
public final class ProcStat {
  /** USER_HZ, the unit of /proc's CPU times: 100 on x86 and arm Linux. */
  public static final double TICKS_PER_SECOND = 100.0;

  private ProcStat() {}

  /** {@code utime + stime} of a {@code /proc/PID/stat} line (fields 14 and 15, see proc(5)). */
  public static long cpuTicks(String statLine) {
    // The command name (field 2) is in parentheses and may hold spaces and parentheses itself.
    String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
    // fields[0] is field 3 (state), so field N is fields[N - 3]
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
