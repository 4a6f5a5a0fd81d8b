package dev.scs.speed.job;

import static dev.scs.speed.fakes.TestEvents.CONFIG;
import static dev.scs.speed.fakes.TestEvents.ruleSet;
import static dev.scs.speed.fakes.TestEvents.taxFiled;
import static dev.scs.speed.fakes.TestEvents.taxRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.event.RejectionReason;
import dev.scs.scoring.time.Instants;
import dev.scs.speed.fakes.InMemoryRuleSource;
import dev.scs.speed.fakes.InMemoryStores;
import dev.scs.speed.fakes.KafkaLikeRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesAndDuplicatesStreamingTest {
  private static final String TOPIC = "citizen-events";
  private static final String VERSION_1_ONLY =
      ruleSet(taxRule(1, "1", null, "2026-01-01T00:00:00Z", null));

  @TempDir Path checkpoint;

  private long nextOffset;

  @Test
  void aCopyOfAnEventAcceptedBeforeARestartIsADuplicate() throws Exception {
    InMemoryStores stores = new InMemoryStores().register(List.of("c-1"));
    InMemoryRuleSource rules = new InMemoryRuleSource(VERSION_1_ONLY, CONFIG);
    String event = taxFiled("e-1", "c-1", "2026-02-01T10:00:00Z");

    try (StreamingHarness harness =
        new StreamingHarness(LocalSparkSession.get(), stores, rules, checkpoint).start()) {
      harness.feed(List.of(record("c-1", event)));
      harness.restart().feed(List.of(record("c-1", event)));
    }

    assertThat(stores.ledger()).extracting(Firing::eventId).containsExactly("e-1");
    assertThat(stores.deadLetters())
        .singleElement()
        .satisfies(
            reject -> {
              assertThat(reject.reason()).isEqualTo(RejectionReason.DUPLICATE);
              assertThat(reject.detail()).contains("e-1", "earlier micro-batch");
              assertThat(reject.record().offset()).isEqualTo(1);
            });
  }

  @Test
  void aNewRuleVersionTakesEffectAtTheNextMicroBatchWithoutARestart() throws Exception {
    InMemoryStores stores = new InMemoryStores().register(List.of("c-1"));
    InMemoryRuleSource rules = new InMemoryRuleSource(VERSION_1_ONLY, CONFIG);

    try (StreamingHarness harness =
        new StreamingHarness(LocalSparkSession.get(), stores, rules, checkpoint).start()) {
      harness.feed(List.of(record("c-1", taxFiled("e-1", "c-1", "2026-02-01T10:00:00Z"))));
      rules.replaceRules(
          ruleSet(
              taxRule(1, "1", null, "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"),
              taxRule(2, "5", null, "2026-03-01T00:00:00Z", null)));
      harness.feed(List.of(record("c-1", taxFiled("e-2", "c-1", "2026-03-02T10:00:00Z"))));
    }

    assertThat(stores.ledger())
        .extracting(Firing::eventId, Firing::ruleVersion, firing -> firing.delta().toPlainString())
        .containsExactly(tuple("e-1", 1, "1.00"), tuple("e-2", 2, "5.00"));
  }

  @Test
  void anInvalidRuleSetIsRefusedCountedAndThePreviousSetKeptInForce() throws Exception {
    InMemoryStores stores = new InMemoryStores().register(List.of("c-1"));
    InMemoryRuleSource rules = new InMemoryRuleSource(VERSION_1_ONLY, CONFIG);

    try (StreamingHarness harness =
        new StreamingHarness(LocalSparkSession.get(), stores, rules, checkpoint).start()) {
      // Two versions of one rule that overlap in time: the set is refused whole (section 3).
      rules.replaceRules(
          ruleSet(
              taxRule(1, "1", null, "2026-01-01T00:00:00Z", null),
              taxRule(2, "5", null, "2026-03-01T00:00:00Z", null)));
      harness.feed(List.of(record("c-1", taxFiled("e-1", "c-1", "2026-03-02T10:00:00Z"))));
      harness.feed(List.of(record("c-1", taxFiled("e-2", "c-1", "2026-03-03T10:00:00Z"))));

      assertThat(harness.job().rulesRefused()).isEqualTo(1);
    }

    assertThat(stores.ledger())
        .extracting(Firing::eventId, Firing::ruleVersion)
        .containsExactly(tuple("e-1", 1), tuple("e-2", 1));
  }

  private KafkaLikeRecord record(String key, String value) {
    return KafkaLikeRecord.of(
        TOPIC, 0, nextOffset++, Instants.parseOrThrow("2026-06-01T00:00:00Z", "now"), key, value);
  }
}
