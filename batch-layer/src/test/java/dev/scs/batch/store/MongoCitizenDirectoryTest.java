package dev.scs.batch.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.batch.fixtures.TestSpark;
import dev.scs.batch.view.ServedScore;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;

/**
 * How the reconcile splits the scores into writing tasks, with a fake writer in place of MongoDB
 * (local[2]): FerretDB hangs when too many statements are in flight, so the number of tasks that
 * write must not grow with the number of cores or partitions.
 */
class MongoCitizenDirectoryTest {
  private final SparkSession spark = TestSpark.session();

  @Test
  void scoresInManyPartitionsReachAtMostMaxWritingTasksWritersAndEveryScoreIsWritten() {
    Dataset<ServedScore> scores = cached(scores(40).repartition(12));
    CountingWriter writer = new CountingWriter(spark);

    CitizenDirectory.Reconciliation reconciliation = directory(writer).reconcile(scores);

    assertThat(scores.rdd().getNumPartitions()).isEqualTo(12);
    assertThat(writer.tasks.value()).isEqualTo(MongoCitizenDirectory.MAX_WRITING_TASKS);
    assertThat(reconciliation).isEqualTo(new CitizenDirectory.Reconciliation(40, 0, 0));
  }

  @Test
  void scoresInFewerPartitionsThanTheCapKeepTheirPartitions() {
    CountingWriter writer = new CountingWriter(spark);

    CitizenDirectory.Reconciliation reconciliation =
        directory(writer).reconcile(cached(scores(5).coalesce(1)));

    assertThat(writer.tasks.value()).isEqualTo(1);
    assertThat(reconciliation.updated()).isEqualTo(5);
  }

  @Test
  void theCapKeepsTheStatementsInFlightWellUnderFerretDbsHundred() {
    assertThat(MongoCitizenDirectory.MAX_WRITING_TASKS * MongoCitizenDirectory.BATCH_SIZE)
        .isLessThanOrEqualTo(50);
  }

  private MongoCitizenDirectory directory(CountingWriter writer) {
    return new MongoCitizenDirectory(spark, "mongodb://unused:1", "unused", writer.writer());
  }

  /** As the run hands the scores over: cached, so that their partitions are what reaches us. */
  private static Dataset<ServedScore> cached(Dataset<ServedScore> scores) {
    Dataset<ServedScore> cached = scores.persist(StorageLevel.MEMORY_ONLY());
    cached.count();
    return cached;
  }

  private Dataset<ServedScore> scores(int count) {
    List<ServedScore> scores =
        IntStream.range(0, count)
            .mapToObj(
                index -> {
                  ServedScore score = new ServedScore();
                  score.setCitizenId("c" + index);
                  score.setScore("500.00");
                  score.setRaw(0.0);
                  return score;
                })
            .toList();
    return spark.createDataset(scores, Encoders.bean(ServedScore.class));
  }

  /** Counts the tasks that write, and reports every score it is given as updated. */
  private static final class CountingWriter {
    final LongAccumulator tasks;

    CountingWriter(SparkSession spark) {
      this.tasks = spark.sparkContext().longAccumulator("writing tasks");
    }

    MongoCitizenDirectory.PartitionWriter writer() {
      LongAccumulator counted = tasks;
      return (partition, updated, skipped) -> {
        counted.add(1);
        while (partition.hasNext()) {
          partition.next();
          updated.add(1);
        }
      };
    }
  }
}
