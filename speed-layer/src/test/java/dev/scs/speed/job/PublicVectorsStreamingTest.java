package dev.scs.speed.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.scoring.rules.RuleVersion;
import dev.scs.scoring.time.Instants;
import dev.scs.scoring.view.LedgerScore;
import dev.scs.speed.fakes.ExpectedVectors;
import dev.scs.speed.fakes.ExpectedVectors.ExpectedScore;
import dev.scs.speed.fakes.InMemoryRuleSource;
import dev.scs.speed.fakes.InMemoryStores;
import dev.scs.speed.fakes.InMemoryStores.ScoreDocument;
import dev.scs.speed.fakes.KafkaLikeRecord;
import dev.scs.speed.fakes.VectorFeed;
import dev.scs.speed.scoring.DeadLetter;
import dev.scs.testing.ScoringVectors;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public vectors through the whole job on local[2], three micro-batches each, so that state
 * crosses micro-batches: the contract's section 7 says what the speed layer must give.
 */
class PublicVectorsStreamingTest {
  private static final int MICRO_BATCHES = 3;

  @TempDir Path checkpoint;

  static List<String> caseNames() {
    return ScoringVectors.caseNames();
  }

  @ParameterizedTest
  @MethodSource("caseNames")
  void eventsArrivingInCanonicalOrderGiveTheExpectedLedgerScoresAndRejects(String caseName)
      throws Exception {
    ScoringVectors.Case vectors = ScoringVectors.load(caseName);
    VectorFeed feed = VectorFeed.inCanonicalOrder(vectors);

    InMemoryStores stores = run(vectors, feed);

    assertThat(stores.writesBySink()).containsEntry("state", MICRO_BATCHES);
    assertThat(keys(stores.ledger()))
        .containsExactlyElementsOf(keys(ExpectedVectors.ledger(vectors)));
    assertScoresAreTheExpectedOnes(vectors, stores);
    assertThat(rejectsByLine(stores, feed)).isEqualTo(ExpectedVectors.rejects(vectors));
  }

  @ParameterizedTest
  @MethodSource("caseNames")
  void eventsArrivingOutOfOrderChangeOnlyFiringsThatCooldownsAndCapsDecide(String caseName)
      throws Exception {
    ScoringVectors.Case vectors = ScoringVectors.load(caseName);
    VectorFeed feed = VectorFeed.inFileOrder(vectors);

    InMemoryStores stores = run(vectors, feed);

    assertThat(rejectsByLine(stores, feed)).isEqualTo(ExpectedVectors.rejects(vectors));
    Set<String> orderSensitiveRules = rulesWithCooldownOrCap(vectors);
    List<Firing> expected = ExpectedVectors.ledger(vectors);
    List<Firing> actual = stores.ledger();
    Set<String> expectedKeys = new HashSet<>(keys(expected));
    Set<String> actualKeys = new HashSet<>(keys(actual));
    // A firing present in only one ledger must belong to a rule with a cooldown or a cap.
    assertThat(symmetricDifference(expected, expectedKeys, actual, actualKeys))
        .allSatisfy(firing -> assertThat(orderSensitiveRules).contains(firing.ruleId()))
        .as("file order is not canonical order for some citizens, so some firings must differ")
        .isNotEmpty();
    // Each citizen's score is still the decayed sum of its own ledger (section 5).
    Map<String, List<Firing>> ledgerByCitizen = byCitizen(actual);
    stores
        .scores()
        .forEach(
            (citizenId, document) ->
                assertThat(document.raw())
                    .as(citizenId)
                    .isCloseTo(
                        LedgerScore.rawAt(
                            ledgerByCitizen.getOrDefault(citizenId, List.of()), document.asOf()),
                        within(1e-6)));
  }

  private InMemoryStores run(ScoringVectors.Case vectors, VectorFeed feed) throws Exception {
    InMemoryStores stores = new InMemoryStores().register(ExpectedVectors.citizenIds(vectors));
    InMemoryRuleSource rules = new InMemoryRuleSource(vectors.rulesJson(), vectors.configJson());
    try (StreamingHarness harness =
        new StreamingHarness(LocalSparkSession.get(), stores, rules, checkpoint).start()) {
      for (List<KafkaLikeRecord> slice : feed.slices(MICRO_BATCHES)) {
        harness.feed(slice);
      }
    }
    return stores;
  }

  /**
   * Every citizen scored as of T (the as-of instant, when all its events were ingested) has the
   * expected score; a citizen whose latest firing is after T is scored as of that firing, which the
   * expected ledger gives too.
   */
  private static void assertScoresAreTheExpectedOnes(
      ScoringVectors.Case vectors, InMemoryStores stores) {
    long asOf = Instants.parseOrThrow(vectors.asOf(), "as_of");
    Map<String, List<Firing>> expectedLedger = byCitizen(ExpectedVectors.ledger(vectors));
    Map<String, ExpectedScore> expectedScores = ExpectedVectors.scores(vectors);
    Map<String, ScoreDocument> scores = stores.scores();
    assertThat(scores.keySet()).containsExactlyInAnyOrderElementsOf(expectedScores.keySet());
    expectedScores.forEach(
        (citizenId, expected) -> {
          ScoreDocument actual = scores.get(citizenId);
          List<Firing> ledger = expectedLedger.getOrDefault(citizenId, List.of());
          if (actual.asOf() == asOf) {
            assertThat(actual.raw()).as(citizenId).isCloseTo(expected.raw(), within(1e-6));
            assertThat(new BigDecimal(actual.score()))
                .as(citizenId)
                .isEqualByComparingTo(expected.score());
            assertThat(actual.tier()).as(citizenId).isEqualTo(expected.tier());
            assertThat(actual.firings()).as(citizenId).isEqualTo(expected.firings());
          } else {
            assertThat(actual.asOf()).as(citizenId).isGreaterThan(asOf);
            assertThat(actual.raw())
                .as(citizenId)
                .isCloseTo(LedgerScore.rawAt(ledger, actual.asOf()), within(1e-6));
          }
        });
  }

  private static Map<Integer, String> rejectsByLine(InMemoryStores stores, VectorFeed feed) {
    Map<Integer, String> rejects = new TreeMap<>();
    for (DeadLetter reject : stores.deadLetters()) {
      rejects.put(feed.lineOf(reject.record().coordinates()), reject.reason().code());
    }
    return rejects;
  }

  private static Set<String> rulesWithCooldownOrCap(ScoringVectors.Case vectors) throws Exception {
    return RuleSetParser.parse(vectors.rulesJson()).versions().stream()
        .filter(version -> version.cooldownMillis() > 0 || version.cap() != null)
        .map(RuleVersion::ruleId)
        .collect(Collectors.toSet());
  }

  private static List<Firing> symmetricDifference(
      List<Firing> expected,
      Set<String> expectedKeys,
      List<Firing> actual,
      Set<String> actualKeys) {
    List<Firing> difference = new ArrayList<>();
    expected.stream().filter(firing -> !actualKeys.contains(key(firing))).forEach(difference::add);
    actual.stream().filter(firing -> !expectedKeys.contains(key(firing))).forEach(difference::add);
    return difference;
  }

  private static Map<String, List<Firing>> byCitizen(List<Firing> ledger) {
    Map<String, List<Firing>> byCitizen = new TreeMap<>();
    ledger.forEach(
        firing ->
            byCitizen.computeIfAbsent(firing.citizenId(), id -> new ArrayList<>()).add(firing));
    return byCitizen;
  }

  /** Everything a ledger entry says, delta and half-life included, sorted like the table. */
  private static List<String> keys(List<Firing> ledger) {
    return ledger.stream().map(PublicVectorsStreamingTest::key).sorted().toList();
  }

  private static String key(Firing firing) {
    return String.join(
        "|",
        firing.citizenId(),
        String.format("%015d", firing.occurredAt()),
        firing.eventId(),
        firing.ruleId(),
        String.valueOf(firing.ruleVersion()),
        firing.delta().toPlainString(),
        String.valueOf(firing.halfLifeMillis()));
  }
}
