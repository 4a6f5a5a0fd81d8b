package dev.scs.speed.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.speed.fakes.ExpectedVectors;
import dev.scs.speed.fakes.InMemoryRuleSource;
import dev.scs.speed.fakes.InMemoryStores;
import dev.scs.speed.fakes.KafkaLikeRecord;
import dev.scs.speed.fakes.VectorFeed;
import dev.scs.speed.scoring.DeadLetter;
import dev.scs.testing.ScoringVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark re-runs the last micro-batch when its commit is missing from the checkpoint, as after a
 * crash between the sinks' writes and the commit. Deleting the commit file and restarting on the
 * same checkpoint does exactly that (the Iceberg tests' way).
 */
class ReplayedMicroBatchTest {
  private static final long LAST_BATCH = 2;

  @TempDir Path checkpoint;

  private ScoringVectors.Case vectors;
  private InMemoryStores stores;
  private InMemoryRuleSource rules;
  private StreamingHarness harness;

  @BeforeEach
  void streamThePublicVectorsInThreeMicroBatches() throws Exception {
    vectors = ScoringVectors.load(ScoringVectors.caseNames().get(0));
    stores = new InMemoryStores().register(ExpectedVectors.citizenIds(vectors));
    rules = new InMemoryRuleSource(vectors.rulesJson(), vectors.configJson());
    harness = new StreamingHarness(LocalSparkSession.get(), stores, rules, checkpoint).start();
    for (List<KafkaLikeRecord> slice : VectorFeed.inFileOrder(vectors).slices(3)) {
      harness.feed(slice);
    }
    harness.stop();
  }

  @Test
  void aReplayedMicroBatchWhoseSinksAllFinishedWritesNothing() throws Exception {
    Map<String, Object> before = stores.contents();
    Map<String, Integer> writesBefore = stores.writesBySink();

    deleteCommitOf(LAST_BATCH);
    try (StreamingHarness restarted = harness.start()) {
      restarted.feed(List.of());
    }

    assertThat(stores.contents()).isEqualTo(before);
    assertThat(stores.writesBySink()).isEqualTo(writesBefore);
  }

  @Test
  void aReplayedMicroBatchRewritesEverySinkWithEqualValuesEvenAfterTheRulesChanged()
      throws Exception {
    Map<String, Object> before = stores.contents();
    List<DeadLetter> deadLettersBefore = stores.deadLetters();
    int rejectsOfLastBatch = rejectsOfBatch(LAST_BATCH);

    deleteCommitOf(LAST_BATCH);
    deleteSinkMarkersOf(LAST_BATCH);
    rules.replaceRules("[]");
    try (StreamingHarness restarted = harness.start()) {
      restarted.feed(List.of());
    }

    assertThat(stores.contents()).isEqualTo(before);
    assertThat(stores.writesBySink()).containsEntry("state", 4).containsEntry("scores", 4);
    // The topic appends: the re-run sends the batch's dead letters again, with the same
    // coordinates, which is how a reader tells a repeat.
    assertThat(stores.deadLetters()).hasSize(deadLettersBefore.size() + rejectsOfLastBatch);
    assertThat(coordinates(stores.deadLetters())).isEqualTo(coordinates(deadLettersBefore));
  }

  private int rejectsOfBatch(long batchId) {
    List<DeadLetter> all = stores.deadLetters();
    return (int) all.stream().filter(reject -> batchOf(reject) == batchId).count();
  }

  /** The harness feeds three equal slices; the third holds the file's last lines. */
  private long batchOf(DeadLetter reject) {
    int size = (vectors.eventLines().size() + 2) / 3;
    int index = 0;
    for (KafkaLikeRecord record : VectorFeed.inFileOrder(vectors).records()) {
      String coordinates =
          record.getTopic() + "/" + record.getPartition() + "/" + record.getOffset();
      if (coordinates.equals(reject.record().coordinates())) {
        return index / size;
      }
      index++;
    }
    throw new IllegalStateException("no record at " + reject.record().coordinates());
  }

  private static Map<String, String> coordinates(List<DeadLetter> deadLetters) {
    Map<String, String> reasons = new HashMap<>();
    deadLetters.forEach(
        reject -> reasons.put(reject.record().coordinates(), reject.reason().code()));
    return reasons;
  }

  private void deleteCommitOf(long batchId) throws IOException {
    Path commit = checkpoint.resolve("commits").resolve(String.valueOf(batchId));
    assertThat(commit).exists();
    Files.delete(commit);
    Files.deleteIfExists(checkpoint.resolve("commits").resolve("." + batchId + ".crc"));
  }

  private void deleteSinkMarkersOf(long batchId) throws IOException {
    Path sinks = checkpoint.resolve("scs-speed-layer").resolve("sinks");
    try (Stream<Path> markers = Files.walk(sinks)) {
      List<Path> ofBatch =
          markers
              .filter(
                  path ->
                      path.getFileName().toString().equals(String.valueOf(batchId))
                          || path.getFileName().toString().equals("." + batchId + ".crc"))
              .toList();
      assertThat(ofBatch).isNotEmpty();
      for (Path marker : ofBatch) {
        Files.delete(marker);
      }
    }
  }
}
