package dev.scs.speed.job;

import org.apache.spark.sql.SparkSession;

/** One local[2] SparkSession for every Spark test in the JVM; starting one takes seconds. */
public final class LocalSparkSession {
  private static SparkSession session;

  private LocalSparkSession() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
              .appName("speed-layer-tests")
              .master("local[2]")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}
