package dev.scs.serving.pipeline;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.Optional;

/** {@link BatchRuns} over {@code batch_runs}: one row per nightly run, so reading all is cheap. */
public final class CassandraBatchRuns implements BatchRuns {
  private final CqlSession session;
  private final PreparedStatement runs;

  public CassandraBatchRuns(CqlSession session, String keyspace) {
    this.session = session;
    this.runs =
        session.prepare(
            "SELECT run_id, watermark, status, started_at, finished_at, events, firings, citizens"
                + " FROM "
                + keyspace
                + ".batch_runs");
  }

  @Override
  public Optional<RunRecord> lastRun() {
    Row last = null;
    for (Row row : session.execute(runs.bind())) {
      if (last == null || row.getString("run_id").compareTo(last.getString("run_id")) > 0) {
        last = row;
      }
    }
    if (last == null) {
      return Optional.empty();
    }
    return Optional.of(
        new RunRecord(
            last.getString("run_id"),
            millis(last.getInstant("watermark")),
            last.getString("status"),
            millis(last.getInstant("started_at")),
            millis(last.getInstant("finished_at")),
            count(last, "events"),
            count(last, "firings"),
            count(last, "citizens")));
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static Long count(Row row, String column) {
    return row.isNull(column) ? null : row.getLong(column);
  }
}
