package dev.scs.speed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.ScoringVectors;
import dev.scs.testing.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speed layer killed at the two moments that matter, then restarted on the same checkpoint:
 * every store must hold the public vectors' results as if nothing happened. Nothing lost (every
 * expected ledger entry, score and reject is there) and nothing counted twice (the ledger and the
 * archive have no extra row; the scores, being sums, would show a firing counted twice).
 */
@RequiresLocalStack({
  Service.KAFKA,
  Service.CASSANDRA,
  Service.MONGODB,
  Service.INFLUXDB,
  Service.DGRAPH
})
class SpeedLayerRecoveryIT {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
  private static final long CRASHED_BATCH = 1;

  @TempDir Path workFolder;

  private IsolatedStack stack;
  private VectorsOnLocalStack vectors;

  @BeforeEach
  void produceThePublicVectors(LocalStackAddresses addresses) throws Exception {
    stack =
        new IsolatedStack(
            addresses, workFolder, Map.of(SpeedLayerConfig.MAX_OFFSETS_PER_TRIGGER, "300"));
    ScoringVectors.Case publicCase = ScoringVectors.load(ScoringVectors.caseNames().get(0));
    stack.seed(publicCase.rulesJson(), publicCase.configJson(), publicCase.citizenLines());
    vectors = new VectorsOnLocalStack(stack, publicCase);
    vectors.produce();
  }

  @AfterEach
  void removeTheStack() {
    stack.close();
  }

  @Test
  void killedInTheMiddleOfAMicroBatchItResumesWithNothingLostOrCountedTwice() throws Exception {
    SpeedLayerProcess first = SpeedLayerProcess.start(stack.config, Map.of(), log());
    Path journal = checkpoint().resolve("scs-speed-layer/inputs/" + CRASHED_BATCH + ".json");
    // The journal is written once the batch is scored, before any sink: the sinks are running.
    while (!Files.exists(journal) && first.isAlive()) {
      Thread.sleep(5);
    }
    first.killHard();
    assertThat(journal)
        .as("the first run got to micro-batch %d: %s", CRASHED_BATCH, log())
        .exists();
    assertThat(commit(CRASHED_BATCH)).as("killed before the commit").doesNotExist();

    int exit = SpeedLayerProcess.start(stack.config, Map.of(), log()).waitFor(RUN_TIMEOUT);

    assertThat(exit).as(readLog()).isZero();
    assertThat(readLog()).contains("micro-batch " + CRASHED_BATCH + " is a re-run");
    assertTheStoresHoldTheResultsExactlyOnce();
  }

  @Test
  void killedAfterTheSinksWroteButBeforeTheCommitItResumesWithNothingCountedTwice()
      throws Exception {
    int crashed =
        SpeedLayerProcess.start(
                stack.config,
                Map.of("scs.speed.test.halt-after-sinks-of-batch", String.valueOf(CRASHED_BATCH)),
                log())
            .waitFor(RUN_TIMEOUT);
    assertThat(crashed).as(readLog()).isEqualTo(137);
    assertThat(commit(CRASHED_BATCH)).doesNotExist();
    assertThat(checkpoint().resolve("scs-speed-layer/sinks/cassandra/" + CRASHED_BATCH)).exists();

    int exit = SpeedLayerProcess.start(stack.config, Map.of(), log()).waitFor(RUN_TIMEOUT);

    assertThat(exit).as(readLog()).isZero();
    assertThat(readLog()).contains("micro-batch " + CRASHED_BATCH + " is a re-run");
    assertTheStoresHoldTheResultsExactlyOnce();
  }

  private void assertTheStoresHoldTheResultsExactlyOnce() throws Exception {
    vectors.assertTheLedgerIsTheExpectedOne(StoreContents.ledger(stack.config), List.of());
    Map<String, Document> scores = StoreContents.scores(stack.config);
    vectors.assertTheScoresAreTheExpectedOnes(scores);
    GraphOnLocalStack.assertTheGraphHoldsTheScoresAndTies(
        stack.config, vectors.vectors, stack.citizensInTheGraph(), scores);
    vectors.assertTheDeadLettersAreTheExpectedRejects();
    assertThat(StoreContents.count(stack.config, "events_archive"))
        .isEqualTo(StoreContents.count(stack.config, "event_ids"))
        .isEqualTo(vectors.acceptedEvents());
  }

  private Path checkpoint() {
    return Path.of(stack.config.checkpointLocation());
  }

  private Path commit(long batchId) {
    return checkpoint().resolve("commits/" + batchId);
  }

  private Path log() {
    return workFolder.resolve("speed-layer.log");
  }

  private String readLog() throws Exception {
    return Files.readString(log());
  }
}
