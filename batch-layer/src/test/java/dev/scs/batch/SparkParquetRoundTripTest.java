package dev.scs.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake is Parquet written by Spark and partitioned by day; this is the local[2] tier that
 * proves Spark runs in-process under Surefire with the JDK 17 flags of the root pom.
 */
class SparkParquetRoundTripTest {

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("parquet-round-trip")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            // The machine's host name need not resolve; the driver talks to itself only.
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void scoresWrittenAsParquetPartitionedByDayAreReadBackUnchanged(@TempDir Path lake) {
    StructType schema =
        new StructType()
            .add("citizen_id", DataTypes.StringType, false)
            .add("score", DataTypes.IntegerType, false)
            .add("day", DataTypes.StringType, false);
    Dataset<Row> scores =
        spark.createDataFrame(
            List.of(
                RowFactory.create("citizen-1", 512, "2026-11-24"),
                RowFactory.create("citizen-2", 480, "2026-11-24"),
                RowFactory.create("citizen-1", 530, "2026-11-25")),
            schema);
    String path = lake.resolve("scores").toString();

    scores.write().partitionBy("day").parquet(path);
    Dataset<Row> read = spark.read().parquet(path);

    assertThat(lake.resolve("scores/day=2026-11-24")).isDirectory();
    assertThat(lake.resolve("scores/day=2026-11-25")).isDirectory();
    assertThat(read.schema().fieldNames()).containsExactly("citizen_id", "score", "day");
    assertThat(read.orderBy("day", "citizen_id").collectAsList())
        .extracting(Row::toString)
        .containsExactly(
            "[citizen-1,512,2026-11-24]",
            "[citizen-2,480,2026-11-24]",
            "[citizen-1,530,2026-11-25]");
  }
}
