package dev.scs.batch.lake;

import dev.scs.batch.run.Watermark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The Parquet lake (schemas/parquet/layout.md): Hive-style partitions under one root, on any file
 * system Spark reaches. Tables of a run live in {@code TABLE/run_id=R/}; writing one replaces that
 * partition, so a re-run of the same watermark overwrites rather than adds. A run is complete when
 * {@code runs/run_id=R/} exists, which the batch run writes after it publishes.
 */
public final class Lake {
  public static final String EVENTS = "events";
  public static final String RUNS = "runs";
  public static final String SCORES = "scores";
  public static final String GRAPH_METRICS = "graph";
  public static final String GRAPH_TIES = "graph_ties";

  /** Every table partitioned by run, for retention. */
  public static final List<String> RUN_TABLES =
      List.of(
          "ledger",
          SCORES,
          "aggregates/daily",
          "aggregates/score_histogram",
          "aggregates/tier_counts",
          "aggregates/tier_transitions",
          "aggregates/rule_hits",
          "aggregates/top_movers",
          GRAPH_METRICS,
          GRAPH_TIES,
          RUNS);

  private final SparkSession spark;
  private final String root;

  public Lake(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String root() {
    return root;
  }

  public String runPartition(String table, String runId) {
    return root + "/" + table + "/run_id=" + runId;
  }

  /** Replaces the run's partition of {@code table} with {@code rows}. */
  public void writeRunTable(String table, String runId, Dataset<Row> rows) {
    writePartition(table, "run_id", runId, rows);
  }

  /** Replaces partition {@code column=value} of {@code table} with {@code rows}. */
  public void writePartition(String table, String column, String value, Dataset<Row> rows) {
    // A run's tables are small next to the events: a few files each keep the lake easy to read.
    rows.coalesce(8)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(root + "/" + table + "/" + column + "=" + value);
  }

  /**
   * Replaces the {@code date=} partitions present in {@code events} and leaves the others: every
   * run rewrites the days it read, so days that retention removed stay removed.
   */
  public void writeEvents(Dataset<Row> events) {
    events
        .repartition(events.col("date"))
        .write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy("date")
        .parquet(root + "/" + EVENTS);
  }

  /** The greatest complete run id before {@code runId}, if any. */
  public Optional<String> previousRun(String runId) {
    return runIds(RUNS).stream().filter(id -> id.compareTo(runId) < 0).reduce((a, b) -> b);
  }

  public Dataset<Row> readRunTable(String table, String runId) {
    return spark.read().parquet(runPartition(table, runId));
  }

  /**
   * Deletes event days before {@code watermark - retention} and runs whose watermark is before it,
   * except {@code keepRunId} (the published run, which readers use).
   *
   * @return the partitions deleted
   */
  public List<String> applyRetention(Watermark watermark, long retentionMillis, String keepRunId) {
    long horizon = watermark.epochMillis() - retentionMillis;
    String horizonRunId = new Watermark(horizon).runId();
    LocalDate horizonDay =
        java.time.Instant.ofEpochMilli(horizon).atZone(ZoneOffset.UTC).toLocalDate();
    List<String> deleted = new ArrayList<>();
    for (String day : partitionValues(EVENTS, "date")) {
      if (LocalDate.parse(day).isBefore(horizonDay)) {
        deleted.add(delete(root + "/" + EVENTS + "/date=" + day));
      }
    }
    for (String table : RUN_TABLES) {
      for (String runId : runIds(table)) {
        if (runId.compareTo(horizonRunId) < 0 && !runId.equals(keepRunId)) {
          deleted.add(delete(runPartition(table, runId)));
        }
      }
    }
    return deleted;
  }

  /** Run ids with a partition in {@code table}, ascending. */
  public List<String> runIds(String table) {
    return partitionValues(table, "run_id");
  }

  private List<String> partitionValues(String table, String column) {
    Path folder = new Path(root + "/" + table);
    try {
      FileSystem fileSystem = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fileSystem.exists(folder)) {
        return List.of();
      }
      List<String> values = new ArrayList<>();
      for (FileStatus status : fileSystem.listStatus(folder)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && name.startsWith(column + "=")) {
          values.add(name.substring(column.length() + 1));
        }
      }
      values.sort(String::compareTo);
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private String delete(String location) {
    Path path = new Path(location);
    try {
      path.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(path, true);
      return location;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + location, e);
    }
  }
}
