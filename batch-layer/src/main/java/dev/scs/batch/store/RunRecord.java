package dev.scs.batch.store;

/**
 * A row of {@code batch_runs}: what a run covered and how far it got. {@code status} is {@code
 * written} once its rows are complete, {@code published} once readers see it, and {@code
 * reconciled} once every step after the publish has finished (MongoDB's citizens, the lake's
 * retention, Dgraph's citizen nodes). A run that failed in one of those steps stays {@code
 * published}: readers use it, and a run for the same watermark finishes it.
 */
public record RunRecord(
    String runId,
    long watermark,
    long startedAt,
    Long finishedAt,
    String status,
    long events,
    long firings,
    long citizens) {

  public static final String WRITTEN = "written";
  public static final String PUBLISHED = "published";
  public static final String RECONCILED = "reconciled";

  public RunRecord withStatus(String newStatus, Long finished) {
    return new RunRecord(
        runId, watermark, startedAt, finished, newStatus, events, firings, citizens);
  }
}
