package dev.scs.speed.job;

import static dev.scs.speed.fakes.TestEvents.CONFIG;
import static dev.scs.speed.fakes.TestEvents.ruleSet;
import static dev.scs.speed.fakes.TestEvents.taxFiled;
import static dev.scs.speed.fakes.TestEvents.taxRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.scoring.time.Instants;
import dev.scs.speed.fakes.InMemoryRuleSource;
import dev.scs.speed.fakes.InMemoryStores;
import dev.scs.speed.fakes.KafkaLikeRecord;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query with no data runs no micro-batch: its idle heartbeat moves the ingestion floor to the
 * watermark a batch run waits for, so the run does not wait in vain.
 */
class ProgressHeartbeatStreamingTest {
  private static final long INGESTED_AT = Instants.parseOrThrow("2026-06-01T00:00:00Z", "now");
  private static final long W = Instants.parseOrThrow("2026-06-02T00:00:00Z", "W");

  @TempDir Path checkpoint;

  @Test
  void anIdleQueryCommitsThroughTheWatermarkABatchRunWaitsFor() throws Exception {
    SparkSession spark = LocalSparkSession.get();
    // Spark posts an idle event at most this often (default 10 s): shortened for the test.
    spark.conf().set("spark.sql.streaming.noDataProgressEventInterval", "100ms");
    InMemoryStores stores = new InMemoryStores().register(List.of("c-1"));
    InMemoryRuleSource rules =
        new InMemoryRuleSource(
            ruleSet(taxRule(1, "1", null, "2026-01-01T00:00:00Z", null)), CONFIG);

    try (StreamingHarness harness =
        new StreamingHarness(spark, stores, rules, checkpoint).start()) {
      harness.feed(
          List.of(
              KafkaLikeRecord.first(
                  INGESTED_AT, "c-1", taxFiled("e-1", "c-1", "2026-05-31T00:00:00Z"))));
      assertThat(stores.read().committedThrough()).as("nobody asked yet").isNull();

      stores.want(W);
      long deadline = System.currentTimeMillis() + 30_000;
      while (stores.read().committedThrough() == null && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      // Checked while the query still runs: a stopped query's last heartbeat would also do it.
      assertThat(stores.read().committedThrough()).isEqualTo(W);
      assertThat(stores.read().recordedAt()).isNotNull();
    } finally {
      spark.conf().unset("spark.sql.streaming.noDataProgressEventInterval");
    }
  }
}
