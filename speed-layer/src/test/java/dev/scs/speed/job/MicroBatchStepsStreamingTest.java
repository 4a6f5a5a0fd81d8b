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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each micro-batch reports how long it took to read, ask the stores, score and write each sink. */
class MicroBatchStepsStreamingTest {
  private static final long INGESTED_AT = Instants.parseOrThrow("2026-06-01T00:00:00Z", "now");

  @TempDir Path checkpoint;

  @Test
  void theStepsAreReadLookupsScoreAndEachSink() throws Exception {
    InMemoryStores stores = new InMemoryStores().register(List.of("c-1"));
    InMemoryRuleSource rules =
        new InMemoryRuleSource(
            ruleSet(taxRule(1, "1", null, "2026-01-01T00:00:00Z", null)), CONFIG);
    List<Map<String, Long>> reported = new ArrayList<>();

    try (StreamingHarness harness =
        new StreamingHarness(LocalSparkSession.get(), stores, rules, checkpoint)
            .observedBy(
                (outcome, replayed, refused, millisByStep) ->
                    reported.add(Map.copyOf(millisByStep)))
            .start()) {
      harness.feed(
          List.of(
              KafkaLikeRecord.first(
                  INGESTED_AT, "c-1", taxFiled("e-1", "c-1", "2026-05-31T00:00:00Z"))));
    }

    assertThat(reported).hasSize(1);
    List<String> steps = new ArrayList<>(reported.get(0).keySet());
    assertThat(steps)
        .containsExactlyInAnyOrder(
            "read",
            "lookups",
            "score",
            stores.stateSink().name(),
            stores.scoreSink().name(),
            stores.deadLetterSink().name());
    assertThat(reported.get(0).values()).allSatisfy(millis -> assertThat(millis).isNotNegative());
  }
}
