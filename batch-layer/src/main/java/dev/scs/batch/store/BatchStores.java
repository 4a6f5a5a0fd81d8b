package dev.scs.batch.store;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The wide-column tables a batch run reads and writes (schemas/cql/keyspace.cql), by table name and
 * in the tables' column names. A run never writes the speed layer's tables (speed_view, rule_state,
 * ledger): each table has one writer. {@link CassandraBatchStores} is the real one; tests pass
 * in-memory ones.
 */
public interface BatchStores {
  /** events_archive, every row. */
  Dataset<Row> archive();

  /** ledger: the speed layer's firings, every row. */
  Dataset<Row> speedLedger();

  /** Upserts {@code rows} into {@code table}; the rows carry every key column. */
  void write(String table, Dataset<Row> rows);

  Optional<PublishedRun> publishedRun();

  void recordRun(RunRecord run);

  /** speed_progress: what the speed layer has committed (batch-layer/README.md, "Hand-over"). */
  SpeedProgress speedProgress();

  /**
   * Asks the speed layer to commit through {@code watermark}: sets speed_progress.wanted_through,
   * the one column of that table a batch run writes.
   */
  void wantSpeedProgressThrough(long watermark);

  /** Switches readers to {@code run}: the single write that publishes a run. */
  void publish(PublishedRun run);
}
