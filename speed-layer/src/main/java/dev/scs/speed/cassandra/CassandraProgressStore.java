package dev.scs.speed.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.scs.speed.port.SpeedProgressStore;
import java.time.Instant;

/**
 * Table speed_progress, row {@value #ROW}: the speed layer writes its columns (committed_through,
 * recorded_at) by an UPDATE naming them only, so the batch layer's wanted_through is never
 * overwritten.
 */
public final class CassandraProgressStore implements SpeedProgressStore {
  /** The one row, by the name both layers use (schemas/cql/keyspace.cql). */
  static final String ROW = "speed-layer";

  private final CqlSession session;
  private final PreparedStatement read;
  private final PreparedStatement record;

  public CassandraProgressStore(CqlSession session, String keyspace) {
    this.session = session;
    this.read =
        session.prepare(
            "SELECT committed_through, recorded_at, wanted_through FROM "
                + keyspace
                + ".speed_progress WHERE name = ?");
    this.record =
        session.prepare(
            "UPDATE "
                + keyspace
                + ".speed_progress SET committed_through = ?, recorded_at = ? WHERE name = ?");
  }

  @Override
  public Progress read() {
    Row row = session.execute(read.bind(ROW)).one();
    if (row == null) {
      return Progress.NONE;
    }
    return new Progress(
        millis(row.getInstant("committed_through")),
        millis(row.getInstant("recorded_at")),
        millis(row.getInstant("wanted_through")));
  }

  @Override
  public void record(long committedThrough, long recordedAt) {
    session.execute(
        record.bind(Instant.ofEpochMilli(committedThrough), Instant.ofEpochMilli(recordedAt), ROW));
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }
}
