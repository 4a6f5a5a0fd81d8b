package dev.scs.batch.run;

import dev.scs.batch.spark.ShufflePartitions;
import java.time.Duration;

/**
 * The settings of one batch run (see {@code BatchLayerConfig} for the keys and defaults).
 *
 * @param lakeRetentionMillis how long the lake keeps event days and runs before a run's watermark
 * @param pageRankIterations power-iteration rounds of the graph metrics
 * @param histogramBucketWidth points per bucket of the score histogram
 * @param topMovers citizens listed per direction among the top movers
 * @param reconcileCitizens whether a published run sets MongoDB's citizen scores and the batch
 *     score, degree and PageRank of the citizens' nodes in Dgraph
 * @param speedLayerWait how long a run waits for the speed layer to commit through its watermark
 *     before it reads the archive; {@code null} for an archive no speed layer writes ({@code
 *     --no-wait}: a backfill, a test)
 * @param shufflePartitions the shuffle partitions of the run's queries: given with {@code
 *     --partitions}, or auto, sized from the archived rows the run reads
 */
public record BatchRunSettings(
    long lakeRetentionMillis,
    int pageRankIterations,
    int histogramBucketWidth,
    int topMovers,
    boolean reconcileCitizens,
    Duration speedLayerWait,
    ShufflePartitions shufflePartitions) {

  /** These settings with shuffle partitions sized from the archive (auto). */
  public BatchRunSettings(
      long lakeRetentionMillis,
      int pageRankIterations,
      int histogramBucketWidth,
      int topMovers,
      boolean reconcileCitizens,
      Duration speedLayerWait) {
    this(
        lakeRetentionMillis,
        pageRankIterations,
        histogramBucketWidth,
        topMovers,
        reconcileCitizens,
        speedLayerWait,
        ShufflePartitions.auto());
  }

  /**
   * Two years of lake, 20 PageRank rounds, 50-point buckets, 100 movers each way, reconciled,
   * waiting up to five minutes for the speed layer, shuffle partitions sized from the archive.
   */
  public static BatchRunSettings defaults() {
    return new BatchRunSettings(730L * 86_400_000L, 20, 50, 100, true, Duration.ofMinutes(5));
  }

  /** The same settings for a run that does not wait for the speed layer. */
  public BatchRunSettings withoutWaiting() {
    return new BatchRunSettings(
        lakeRetentionMillis,
        pageRankIterations,
        histogramBucketWidth,
        topMovers,
        reconcileCitizens,
        null,
        shufflePartitions);
  }

  /** The same settings with these shuffle partitions ({@code --partitions}, or auto). */
  public BatchRunSettings withShufflePartitions(ShufflePartitions partitions) {
    return new BatchRunSettings(
        lakeRetentionMillis,
        pageRankIterations,
        histogramBucketWidth,
        topMovers,
        reconcileCitizens,
        speedLayerWait,
        partitions);
  }

  public boolean waitsForSpeedLayer() {
    return speedLayerWait != null;
  }
}
