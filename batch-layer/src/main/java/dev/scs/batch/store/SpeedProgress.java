package dev.scs.batch.store;

/**
 * The speed layer's progress (table speed_progress), as a batch run reads it before it reads the
 * archive. Each field is {@code null} until written.
 *
 * @param committedThrough every record ingested before it is in the stores, and none still to come
 *     will be ingested before it (written by the speed layer)
 * @param recordedAt when the speed layer last wrote the row, by its own clock; it increases with
 *     every micro-batch committed and every idle heartbeat
 * @param wantedThrough the watermark a batch run asked the speed layer to commit through
 */
public record SpeedProgress(Long committedThrough, Long recordedAt, Long wantedThrough) {
  public static final SpeedProgress NONE = new SpeedProgress(null, null, null);

  /** The one row's name (schemas/cql/keyspace.cql). */
  public static final String ROW = "speed-layer";

  public boolean committedThrough(long watermark) {
    return committedThrough != null && committedThrough >= watermark;
  }

  /** Whether the speed layer wrote the row after it held {@code earlier}. */
  public boolean recordedSince(SpeedProgress earlier) {
    return recordedAt != null && (earlier.recordedAt == null || recordedAt > earlier.recordedAt);
  }
}
