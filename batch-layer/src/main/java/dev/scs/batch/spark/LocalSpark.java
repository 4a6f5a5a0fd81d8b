package dev.scs.batch.spark;

import org.apache.spark.sql.SparkSession;

/**
 * A SparkSession for a run. Under spark-submit the master and settings come from the submit
 * command; run with {@code java -jar}, the job uses an in-process {@code local[*]} master.
 */
public final class LocalSpark {
  private LocalSpark() {}

  /**
   * @param master a Spark master URL, or {@code null} to keep the one spark-submit set (or local[*]
   *     when there is none)
   */
  public static SparkSession session(String appName, String master, int shufflePartitions) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    boolean submitted = System.getProperty("spark.master") != null;
    if (master != null) {
      builder.master(master);
    } else if (!submitted) {
      builder.master("local[*]");
    }
    if (!submitted) {
      builder
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.session.timeZone", "UTC");
    }
    SparkSession session =
        builder
            .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
            .config("spark.sql.adaptive.enabled", "true")
            .getOrCreate();
    session.sparkContext().setLogLevel("WARN");
    return session;
  }

  /** A shuffle width that suits this machine: a few partitions per core. */
  public static int defaultShufflePartitions() {
    return Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
  }
}
