package dev.scs.speed;

import dev.scs.speed.hadoop.LocalFileSystemSettings;
import org.apache.spark.sql.SparkSession;

/**
 * The job's SparkSession. Under spark-submit the master and settings come from the submit command;
 * run with {@code java -jar}, the job uses an in-process {@code local[*]} master. Either way a
 * checkpoint on the local file system is written without starting processes ({@link
 * LocalFileSystemSettings}), unless the submit command chose the classes itself.
 */
final class SparkSessions {
  private SparkSessions() {}

  static SparkSession forStreaming() {
    SparkSession.Builder builder = SparkSession.builder().appName("scs-speed-layer");
    if (System.getProperty("spark.master") == null) {
      builder
          .master("local[*]")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.session.timeZone", "UTC")
          // The micro-batches collect to the driver; no shuffle needs more than a few partitions.
          .config("spark.sql.shuffle.partitions", "4");
    }
    SparkSession session = LocalFileSystemSettings.applyUnlessSet(builder).getOrCreate();
    session.sparkContext().setLogLevel("WARN");
    return session;
  }
}
