package dev.scs.batch.store;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The wide-column tables a batch run reads and writes (schemas/cql/keyspace.cql), by table name and
 * in the tables' column names. {@link CassandraBatchStores} is the real one; tests pass in-memory
 * ones.
 */
public interface BatchStores {
  /** events_archive, every row. */
  Dataset<Row> archive();

  /** ledger: the speed layer's firings, every row. */
  Dataset<Row> speedLedger();

  /** speed_view: the citizen_id of every row. */
  Dataset<Row> speedViewCitizens();

  /** rule_state: the key (citizen_id, rule_id) of every row. */
  Dataset<Row> ruleStateKeys();

  /** Upserts {@code rows} into {@code table}; the rows carry every key column. */
  void write(String table, Dataset<Row> rows);

  /** Deletes the rows of {@code table} with the keys in {@code keys}. */
  void delete(String table, Dataset<Row> keys);

  Optional<PublishedRun> publishedRun();

  void recordRun(RunRecord run);

  /** Switches readers to {@code run}: the single write that publishes a run. */
  void publish(PublishedRun run);
}
