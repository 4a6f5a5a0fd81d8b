package dev.scs.batch.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.batch.fixtures.ForwardingBatchStores;
import dev.scs.batch.fixtures.InMemoryBatchStores;
import dev.scs.batch.fixtures.InMemoryCitizenGraph;
import dev.scs.batch.fixtures.SmallWorld;
import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.spark.ShufflePartitions;
import dev.scs.batch.store.BatchStores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shuffle partitions of a whole run on local[2] (session default 2): auto sizes them from the
 * archived rows the run read, {@code --partitions} wins, the run logs the number and why, and the
 * session gets its own value back afterwards.
 */
class BatchRunShufflePartitionsTest {
  private static final long ROWS_PER_PARTITION = 4;

  private static SmallWorld world;
  private static SparkSession spark;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
    world = new SmallWorld(spark);
  }

  @Test
  void autoSizesTheRunsShufflesFromTheArchivedRowsItRead(@TempDir Path lake) {
    long archivedRows = world.archive().size();
    long expected = (archivedRows + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION;
    assertThat(expected).as("more than the session's 2, or auto would not show").isGreaterThan(2);
    PartitionsAtWrite stores = new PartitionsAtWrite(world.stores());

    run(stores, ShufflePartitions.auto(ROWS_PER_PARTITION), lake);

    assertThat(stores.seen).containsExactly(String.valueOf(expected));
    assertThat(log())
        .contains(
            "shuffle partitions: "
                + expected
                + " (auto: "
                + archivedRows
                + " archived rows / "
                + ROWS_PER_PARTITION
                + ")");
    assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
  }

  @Test
  void partitionsGivenWithTheOptionWinOverAuto(@TempDir Path lake) {
    PartitionsAtWrite stores = new PartitionsAtWrite(world.stores());

    run(stores, ShufflePartitions.given(3), lake);

    assertThat(stores.seen).containsExactly("3");
    assertThat(log()).contains("shuffle partitions: 3 (given with --partitions)");
    assertThat(spark.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
  }

  private void run(BatchStores stores, ShufflePartitions partitions, Path lake) {
    new BatchRun(
            world.inputs(),
            stores,
            world.citizens(),
            new InMemoryCitizenGraph(),
            new Lake(spark, lake.toString()),
            new BatchRunSettings(730L * 86_400_000L, 2, 50, 5, true, null)
                .withShufflePartitions(partitions),
            Clock.fixed(Instant.ofEpochMilli(world.vector().asOf()), ZoneOffset.UTC),
            new RunProgress(new PrintStream(log, true, StandardCharsets.UTF_8), "batch"))
        .run(world.vector().watermark());
  }

  private String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  /** The in-memory stores, noting the session's shuffle partitions whenever the run writes. */
  private static final class PartitionsAtWrite extends ForwardingBatchStores {
    final Set<String> seen = new HashSet<>();

    PartitionsAtWrite(InMemoryBatchStores stores) {
      super(stores);
    }

    @Override
    public void write(String table, Dataset<Row> rows) {
      seen.add(rows.sparkSession().conf().get("spark.sql.shuffle.partitions"));
      super.write(table, rows);
    }
  }
}
