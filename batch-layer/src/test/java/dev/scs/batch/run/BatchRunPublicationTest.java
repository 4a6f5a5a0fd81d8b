package dev.scs.batch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scs.batch.fixtures.FailingBatchStores;
import dev.scs.batch.fixtures.InMemoryBatchStores;
import dev.scs.batch.fixtures.InMemoryCitizenDirectory;
import dev.scs.batch.fixtures.SmallWorld;
import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.lake.Lake;
import dev.scs.batch.quality.DataQualityException;
import dev.scs.batch.quality.QualityCheck;
import dev.scs.batch.store.CitizenDirectory;
import dev.scs.batch.store.PublishedRun;
import dev.scs.batch.view.ServedScore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a run publishes: all at once with its last write, never half, and the same way twice. */
class BatchRunPublicationTest {
  private static SparkSession spark;
  private static SmallWorld world;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
    world = new SmallWorld(spark);
  }

  @Test
  void theRunPublishesWithItsLastStoreWriteAfterEveryRowOfTheRun(@TempDir Path lake) {
    InMemoryBatchStores stores = world.stores();

    world.run(stores, world.citizens(), lake).run(world.vector().watermark());

    List<String> writes = stores.writes();
    int published = writes.indexOf("published_run");
    assertThat(writes.subList(0, published))
        .contains("batch_ledger", "batch_view", "batch_rule_state", "batch_daily_counts")
        .endsWith("batch_runs written");
    // The speed layer's tables have one writer, the speed layer: a run never writes them.
    assertThat(writes.subList(published + 1, writes.size()))
        .containsExactly("batch_runs published", "batch_runs reconciled");
  }

  @Test
  void aRunKilledBetweenItsWritesPublishesNothingAndARerunPublishes(@TempDir Path lake) {
    InMemoryBatchStores stores = world.stores();
    Watermark watermark = world.vector().watermark();

    assertThatThrownBy(
            () ->
                world
                    .run(new FailingBatchStores(stores, "batch_rule_state"), world.citizens(), lake)
                    .run(watermark))
        .isInstanceOf(FailingBatchStores.KilledRunException.class);

    assertThat(stores.publishedRun()).isEmpty();
    assertThat(stores.writes()).containsExactly("batch_ledger", "batch_view");
    assertThat(new Lake(spark, lake.toString()).runIds(Lake.RUNS)).isEmpty();

    world.run(stores, world.citizens(), lake).run(watermark);

    assertThat(stores.publishedRun()).map(PublishedRun::runId).hasValue(watermark.runId());
    assertThat(new Lake(spark, lake.toString()).runIds(Lake.RUNS))
        .containsExactly(watermark.runId());
  }

  @Test
  void aSecondRunForTheSameWatermarkLeavesEveryTableAsTheFirstLeftIt(@TempDir Path lake) {
    InMemoryBatchStores stores = world.stores();
    InMemoryCitizenDirectory citizens = world.citizens();
    Watermark watermark = world.vector().watermark();
    world.run(stores, citizens, lake).run(watermark);
    long scoresWritten = citizens.written();
    List<String> tables =
        List.of("batch_ledger", "batch_view", "batch_rule_state", "batch_top_movers");
    List<List<String>> first = new ArrayList<>();
    tables.forEach(table -> first.add(sortedRows(stores, table)));
    long scoresInLake =
        new Lake(spark, lake.toString()).readRunTable(Lake.SCORES, watermark.runId()).count();

    BatchRunReport again = world.run(stores, citizens, lake).run(watermark);

    assertThat(citizens.written()).as("citizen scores written again").isEqualTo(scoresWritten);
    assertThat(again.reconciliation())
        .hasValueSatisfying(done -> assertThat(done.unchanged()).isEqualTo(scoresWritten));
    List<List<String>> second = new ArrayList<>();
    tables.forEach(table -> second.add(sortedRows(stores, table)));
    assertThat(second).isEqualTo(first);
    assertThat(
            new Lake(spark, lake.toString()).readRunTable(Lake.SCORES, watermark.runId()).count())
        .isEqualTo(scoresInLake);
  }

  @Test
  void aCitizenTheSpeedLayerScoresAfterTheRunReadMongoDbKeepsTheSpeedLayersScore(
      @TempDir Path lake) {
    InMemoryBatchStores stores = world.stores();
    InMemoryCitizenDirectory directory = world.citizens();
    ServedScore newer = new ServedScore();
    newer.setCitizenId("c-1");
    newer.setRaw(123.0);
    newer.setScore("1123.00");
    newer.setTier("trusted");
    newer.setAsOf(world.vector().asOf() + 1);
    CitizenDirectory scoredMeanwhile =
        new CitizenDirectory() {
          @Override
          public Dataset<Row> citizens() {
            Dataset<Row> read = directory.citizens();
            // The speed layer's MongoDB sink writes c-1 after the run read the collection.
            directory.scoredBySpeedLayer("c-1", newer);
            return read;
          }

          @Override
          public Reconciliation reconcile(Dataset<ServedScore> scores) {
            return directory.reconcile(scores);
          }
        };

    BatchRunReport report =
        world.run(stores, scoredMeanwhile, lake).run(world.vector().watermark());

    assertThat(directory.scores().get("c-1").getRaw()).isEqualTo(123.0);
    assertThat(directory.scores()).containsKeys("c-2", "c-3");
    assertThat(report.reconciliation())
        .hasValueSatisfying(
            done -> {
              assertThat(done.skipped()).isEqualTo(1);
              assertThat(done.updated()).isEqualTo(2);
            });
  }

  @Test
  void aRunForAnEarlierWatermarkThanThePublishedOneIsRefused(@TempDir Path lake) {
    InMemoryBatchStores stores = world.stores();
    Watermark watermark = world.vector().watermark();
    stores.publish(new PublishedRun("later", watermark.epochMillis() + 1, watermark.epochMillis()));

    assertThatThrownBy(() -> world.run(stores, world.citizens(), lake).run(watermark))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would move readers back in time");
    assertThat(stores.writes()).containsExactly("published_run");
    assertThat(stores.publishedRun()).map(PublishedRun::runId).hasValue("later");
  }

  @Test
  void anEventCountedOnBothSidesOfTheWatermarkFailsTheRunBeforeAnyWrite(@TempDir Path lake) {
    List<Row> speedLedger = world.speedLedgerCountingAnEventTwice();
    InMemoryBatchStores stores = new InMemoryBatchStores(spark, world.archive(), speedLedger);

    assertThatThrownBy(
            () -> world.run(stores, world.citizens(), lake).run(world.vector().watermark()))
        .isInstanceOfSatisfying(
            DataQualityException.class,
            failure ->
                assertThat(failure.report().failures())
                    .extracting(QualityCheck::name)
                    .contains(
                        "events with batch firings and speed firings (counted twice)",
                        "speed firings whose event is not archived at or after W"))
        .hasMessageContaining("nothing was published");
    assertThat(stores.writes()).isEmpty();
  }

  private static List<String> sortedRows(InMemoryBatchStores stores, String table) {
    return stores.rows(table).stream()
        .map(row -> row.toString().replaceAll("as_of=[^,]*", ""))
        .sorted()
        .toList();
  }
}
