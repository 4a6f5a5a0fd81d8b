package dev.scs.serving.score;

/**
 * The batch run readers use: its id and watermark W (table {@code published_run}, row {@code
 * current}). Events ingested before W are in the run's batch view, the others on the speed side.
 */
public record PublishedRun(String runId, long watermark, long publishedAt) {
  public static final String CURRENT = "current";
}
