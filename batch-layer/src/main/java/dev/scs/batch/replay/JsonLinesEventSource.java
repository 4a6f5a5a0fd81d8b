package dev.scs.batch.replay;

import dev.scs.batch.recompute.IngestedRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * Events as JSON Lines, for {@code replay}: every line is one record, numbered from 1 in file order
 * (the order in which duplicates are decided), and ingested at the as-of instant (contract, section
 * 8).
 */
public final class JsonLinesEventSource {
  private JsonLinesEventSource() {}

  public static Dataset<IngestedRecord> read(SparkSession spark, String path, long ingestedAt) {
    JavaRDD<IngestedRecord> records =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .textFile(path)
            .zipWithIndex()
            .map(line -> new IngestedRecord(line._2() + 1, line._1(), ingestedAt));
    return spark.createDataset(records.rdd(), Encoders.bean(IngestedRecord.class));
  }
}
