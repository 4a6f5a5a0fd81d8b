package dev.scs.batch.store;

/**
 * The row of {@code published_run} that every reader reads first: the run whose batch view, ledger
 * and rule state are current.
 */
public record PublishedRun(String runId, long watermark, long publishedAt) {
  /** The name of the one row. */
  public static final String CURRENT = "current";
}
