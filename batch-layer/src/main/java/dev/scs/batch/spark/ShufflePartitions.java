package dev.scs.batch.spark;

import java.util.Locale;

/**
 * How many shuffle partitions a batch run's SQL queries use: the number given with {@code
 * --partitions}, or "auto", sized from the archived rows the run reads. A fixed width that suits a
 * small archive runs out of Spark execution memory on a large one: at 10 M archived events, 8
 * partitions in a 6 GB driver failed with UNABLE_TO_ACQUIRE_MEMORY while 32 ran (BENCHMARKS.md,
 * batch layer, 10 M).
 *
 * @param given the partitions given with {@code --partitions}; {@code null} for auto
 * @param rowsPerPartition under auto, archived rows per shuffle partition
 */
public record ShufflePartitions(Integer given, long rowsPerPartition) {

  /** Auto's rows per partition: 10 M archived rows get 40, above the 32 that ran. */
  public static final long ROWS_PER_PARTITION = 250_000;

  /**
   * Auto never sizes above this: from 2 000 reduce partitions Spark keeps only an average block
   * size per map output (spark.shuffle.minNumPartitionsToHighlyCompress), and every partition is a
   * task to schedule. An archive that needs more wants {@code --partitions} and a larger driver.
   */
  public static final int MAX_AUTO = 2_000;

  public ShufflePartitions {
    if (given != null && given < 1) {
      throw new IllegalArgumentException("--partitions must be positive, but was " + given);
    }
    if (rowsPerPartition < 1) {
      throw new IllegalArgumentException("rows per partition must be positive");
    }
  }

  /** One partition per {@link #ROWS_PER_PARTITION} archived rows, within the session's and cap. */
  public static ShufflePartitions auto() {
    return auto(ROWS_PER_PARTITION);
  }

  /** Auto with another number of rows per partition: lets a test size a small archive. */
  public static ShufflePartitions auto(long rowsPerPartition) {
    return new ShufflePartitions(null, rowsPerPartition);
  }

  public static ShufflePartitions given(int partitions) {
    return new ShufflePartitions(partitions, ROWS_PER_PARTITION);
  }

  public boolean isAuto() {
    return given == null;
  }

  /**
   * The width for a run that reads this many archived rows.
   *
   * @param sessionPartitions the session's shuffle partitions when the run starts (a few per core,
   *     see {@link LocalSpark#defaultShufflePartitions}): auto never goes below them
   */
  public Choice choose(long archivedRows, int sessionPartitions) {
    if (given != null) {
      return new Choice(given, "given with --partitions");
    }
    long needed = (archivedRows + rowsPerPartition - 1) / rowsPerPartition;
    String sizing =
        "auto: " + grouped(archivedRows) + " archived rows / " + grouped(rowsPerPartition);
    int cap = Math.max(MAX_AUTO, sessionPartitions);
    if (needed > cap) {
      return new Choice(
          cap,
          sizing + " = " + grouped(needed) + ", capped at " + grouped(cap) + "; pass --partitions");
    }
    if (needed <= sessionPartitions) {
      return new Choice(
          sessionPartitions,
          sizing + " = " + needed + ", raised to the session's " + sessionPartitions);
    }
    return new Choice((int) needed, sizing);
  }

  /** Digits in groups of three, as the run's other logs print counts. */
  private static String grouped(long number) {
    return String.format(Locale.ROOT, "%,d", number).replace(',', ' ');
  }

  /**
   * @param partitions the shuffle partitions the run's queries use
   * @param reason where the number comes from, for the run's log
   */
  public record Choice(int partitions, String reason) {
    public String describe() {
      return "shuffle partitions: " + partitions + " (" + reason + ")";
    }
  }
}
