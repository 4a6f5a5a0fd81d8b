package dev.scs.batch.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.run.Watermark;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeTest {
  private static final long DAY = 86_400_000L;
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  private static Watermark at(String instant) {
    return new Watermark(Instant.parse(instant).toEpochMilli());
  }

  private static Dataset<Row> oneRow() {
    return spark.createDataFrame(
        List.of(RowFactory.create("c-1")), StructType.fromDDL("citizen_id STRING"));
  }

  private static Dataset<Row> events(String... days) {
    return spark
        .createDataFrame(
            java.util.Arrays.stream(days).map(day -> RowFactory.create("e-" + day, day)).toList(),
            StructType.fromDDL("event_id STRING, day STRING"))
        .selectExpr("event_id", "cast(day as date) as date");
  }

  @Test
  void rewritingARunReplacesItsPartitionInsteadOfAddingToIt(@TempDir Path root) {
    Lake lake = new Lake(spark, root.toString());

    lake.writeRunTable("scores", "R1", oneRow());
    lake.writeRunTable("scores", "R1", oneRow());

    assertThat(lake.readRunTable("scores", "R1").count()).isEqualTo(1);
  }

  @Test
  void theEventsOfADayAreReplacedAndOtherDaysKept(@TempDir Path root) {
    Lake lake = new Lake(spark, root.toString());

    lake.writeEvents(events("2026-01-01", "2026-01-02"));
    lake.writeEvents(events("2026-01-02"));

    assertThat(spark.read().parquet(root.resolve("events").toString()).count()).isEqualTo(2);
    assertThat(root.resolve("events/date=2026-01-01")).isDirectory();
  }

  @Test
  void thePreviousRunIsTheLatestCompleteRunBeforeThisOne(@TempDir Path root) {
    Lake lake = new Lake(spark, root.toString());
    lake.writeRunTable(Lake.RUNS, "20260101T000000.000Z", oneRow());
    lake.writeRunTable(Lake.RUNS, "20260102T000000.000Z", oneRow());
    lake.writeRunTable(Lake.SCORES, "20260102T120000.000Z", oneRow());

    assertThat(lake.previousRun("20260103T000000.000Z")).hasValue("20260102T000000.000Z");
    assertThat(lake.previousRun("20260102T000000.000Z")).hasValue("20260101T000000.000Z");
    assertThat(lake.previousRun("20260101T000000.000Z")).isEmpty();
  }

  @Test
  void retentionDeletesOldEventDaysAndOldRunsButKeepsThePublishedRun(@TempDir Path root) {
    Lake lake = new Lake(spark, root.toString());
    lake.writeEvents(events("2025-12-30", "2026-01-09", "2026-01-10"));
    String old = at("2025-12-31T00:00:00Z").runId();
    String published = at("2026-01-01T00:00:00Z").runId();
    String recent = at("2026-01-09T12:00:00Z").runId();
    for (String run : List.of(old, published, recent)) {
      lake.writeRunTable(Lake.SCORES, run, oneRow());
      lake.writeRunTable(Lake.RUNS, run, oneRow());
    }

    List<String> deleted = lake.applyRetention(at("2026-01-10T00:00:00Z"), 1 * DAY, published);

    assertThat(deleted).hasSize(3);
    assertThat(root.resolve("events/date=2025-12-30")).doesNotExist();
    assertThat(root.resolve("events/date=2026-01-09")).isDirectory();
    assertThat(lake.runIds(Lake.SCORES)).containsExactly(published, recent);
    assertThat(lake.runIds(Lake.RUNS)).containsExactly(published, recent);
  }
}
