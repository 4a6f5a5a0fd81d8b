package dev.scs.batch.store;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.spark.connector.cql.CassandraConnector;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.StoreUnavailableException;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The batch run's tables in Cassandra or ScyllaDB: bulk reads and upserts through the cassandra
 * connector, the single-row run bookkeeping and the speed layer's progress through its driver
 * session.
 */
public final class CassandraBatchStores implements BatchStores {
  private static final String FORMAT = "org.apache.spark.sql.cassandra";

  private final SparkSession spark;
  private final CassandraConnection connection;
  private final CassandraConnector connector;

  public CassandraBatchStores(SparkSession spark, CassandraConnection connection) {
    this.spark = spark;
    this.connection = connection;
    this.connector = connection.connector();
  }

  public Dataset<Row> read(String table) {
    return spark.read().format(FORMAT).options(connection.tableOptions(table)).load();
  }

  @Override
  public Dataset<Row> archive() {
    return read("events_archive");
  }

  @Override
  public Dataset<Row> speedLedger() {
    return read("ledger");
  }

  @Override
  public void write(String table, Dataset<Row> rows) {
    rows.write()
        .format(FORMAT)
        .options(connection.tableOptions(table))
        .mode(SaveMode.Append)
        .save();
  }

  /** The run's first contact with the store, so an unreachable one is reported here. */
  @Override
  public Optional<PublishedRun> publishedRun() {
    try {
      return readPublishedRun();
    } catch (RuntimeException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Failed to open native connection")) {
        throw new StoreUnavailableException(
            "Cassandra", connection.contactPoint(), StoreSettings.CASSANDRA_CONTACT_POINT, e);
      }
      throw e;
    }
  }

  private Optional<PublishedRun> readPublishedRun() {
    return connector.jWithSessionDo(
        session ->
            Optional.ofNullable(
                    session
                        .execute(
                            SimpleStatement.newInstance(
                                    "SELECT run_id, watermark, published_at FROM "
                                        + connection.keyspace()
                                        + ".published_run WHERE name = ?",
                                    PublishedRun.CURRENT)
                                .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM))
                        .one())
                .map(
                    row ->
                        new PublishedRun(
                            row.getString("run_id"),
                            row.getInstant("watermark").toEpochMilli(),
                            row.getInstant("published_at").toEpochMilli())));
  }

  @Override
  public void recordRun(RunRecord run) {
    execute(
        SimpleStatement.newInstance(
            "INSERT INTO "
                + connection.keyspace()
                + ".batch_runs (run_id, watermark, started_at, finished_at, status, events,"
                + " firings, citizens) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            run.runId(),
            Instant.ofEpochMilli(run.watermark()),
            Instant.ofEpochMilli(run.startedAt()),
            run.finishedAt() == null ? null : Instant.ofEpochMilli(run.finishedAt()),
            run.status(),
            run.events(),
            run.firings(),
            run.citizens()));
  }

  @Override
  public void publish(PublishedRun run) {
    execute(
        SimpleStatement.newInstance(
            "INSERT INTO "
                + connection.keyspace()
                + ".published_run (name, run_id, watermark, published_at) VALUES (?, ?, ?, ?)",
            PublishedRun.CURRENT,
            run.runId(),
            Instant.ofEpochMilli(run.watermark()),
            Instant.ofEpochMilli(run.publishedAt())));
  }

  @Override
  public SpeedProgress speedProgress() {
    return connector.jWithSessionDo(
        session ->
            Optional.ofNullable(
                    session
                        .execute(
                            SimpleStatement.newInstance(
                                    "SELECT committed_through, recorded_at, wanted_through FROM "
                                        + connection.keyspace()
                                        + ".speed_progress WHERE name = ?",
                                    SpeedProgress.ROW)
                                .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM))
                        .one())
                .map(
                    row ->
                        new SpeedProgress(
                            millis(row.getInstant("committed_through")),
                            millis(row.getInstant("recorded_at")),
                            millis(row.getInstant("wanted_through"))))
                .orElse(SpeedProgress.NONE));
  }

  @Override
  public void wantSpeedProgressThrough(long watermark) {
    execute(
        SimpleStatement.newInstance(
            "UPDATE "
                + connection.keyspace()
                + ".speed_progress SET wanted_through = ? WHERE name = ?",
            Instant.ofEpochMilli(watermark),
            SpeedProgress.ROW));
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private void execute(SimpleStatement statement) {
    connector.jWithSessionDo(
        (CqlSession session) ->
            session.execute(statement.setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM)));
  }
}
