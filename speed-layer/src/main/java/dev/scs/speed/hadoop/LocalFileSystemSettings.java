package dev.scs.speed.hadoop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark settings that make Hadoop's {@code file:} scheme use the classes of this package. */
public final class LocalFileSystemSettings {
  static final String FILE_SYSTEM = "spark.hadoop.fs.file.impl";
  static final String ABSTRACT_FILE_SYSTEM = "spark.hadoop.fs.AbstractFileSystem.file.impl";

  private LocalFileSystemSettings() {}

  /** Each setting by key. */
  public static Map<String, String> all() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(FILE_SYSTEM, NioLocalFileSystem.class.getName());
    settings.put(ABSTRACT_FILE_SYSTEM, NioLocalFs.class.getName());
    return settings;
  }

  /**
   * Adds each setting the submitted configuration does not already have (spark-submit's {@code
   * --conf} arrives as system properties, which {@link SparkConf} reads).
   */
  public static SparkSession.Builder applyUnlessSet(SparkSession.Builder builder) {
    missingFrom(new SparkConf()).forEach(builder::config);
    return builder;
  }

  static Map<String, String> missingFrom(SparkConf submitted) {
    Map<String, String> missing = all();
    missing.keySet().removeIf(submitted::contains);
    return missing;
  }
}
