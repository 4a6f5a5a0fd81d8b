package dev.scs.batch.run;

/**
 * How a batch run shapes its outputs.
 *
 * @param lakeRetentionMillis event days and runs older than this before W are deleted from the lake
 *     (the published run is always kept)
 * @param pageRankIterations power-iteration rounds of the graph metrics
 * @param histogramBucketWidth points per bucket of the score histogram
 * @param topMovers citizens listed per direction among the top movers
 */
public record BatchRunSettings(
    long lakeRetentionMillis, int pageRankIterations, int histogramBucketWidth, int topMovers) {

  /** Two years of lake, 20 PageRank rounds, 50-point buckets, 100 movers each way. */
  public static BatchRunSettings defaults() {
    return new BatchRunSettings(730L * 86_400_000L, 20, 50, 100);
  }
}
