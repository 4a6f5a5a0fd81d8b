package dev.scs.speed.port;

/**
 * The speed layer's side of the hand-over with the batch layer (table speed_progress, one row):
 * what the speed layer has committed, and what a batch run waits for. The speed layer writes
 * committed_through and recorded_at only; the batch layer writes wanted_through only, so neither
 * overwrites the other.
 */
public interface SpeedProgressStore {
  /** The row as stored: each field {@code null} until first written. */
  Progress read();

  /**
   * Records that every record ingested before {@code committedThrough} is in every store, and that
   * no record still to come will be ingested before it.
   *
   * @param recordedAt when, by the speed layer's clock, strictly later than the previous record: a
   *     batch run watches it to know that a micro-batch in flight has finished
   */
  void record(long committedThrough, long recordedAt);

  /**
   * @param committedThrough every record ingested before it is written (epoch ms)
   * @param recordedAt when the speed layer last wrote the row (its own clock, increasing)
   * @param wantedThrough the watermark a batch run waits for the speed layer to commit through
   */
  record Progress(Long committedThrough, Long recordedAt, Long wantedThrough) {
    public static final Progress NONE = new Progress(null, null, null);
  }
}
