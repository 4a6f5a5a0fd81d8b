package dev.scs.batch.store;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.spark.connector.cql.CassandraConnector;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The batch run's tables in Cassandra or ScyllaDB: bulk reads and upserts through the cassandra
 * connector, deletes and the single-row run bookkeeping through its driver session.
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
  public Dataset<Row> speedViewCitizens() {
    return read("speed_view").select("citizen_id");
  }

  @Override
  public Dataset<Row> ruleStateKeys() {
    return read("rule_state").select("citizen_id", "rule_id");
  }

  @Override
  public void write(String table, Dataset<Row> rows) {
    rows.write()
        .format(FORMAT)
        .options(connection.tableOptions(table))
        .mode(SaveMode.Append)
        .save();
  }

  @Override
  public void delete(String table, Dataset<Row> keys) {
    String[] columns = keys.columns();
    String cql =
        "DELETE FROM "
            + connection.keyspace()
            + "."
            + table
            + " WHERE "
            + Arrays.stream(columns)
                .map(column -> column + " = ?")
                .collect(Collectors.joining(" AND "));
    CassandraConnector sessions = connector;
    ForeachPartitionFunction<Row> deletePartition =
        rows ->
            sessions.jWithSessionDo(
                session -> {
                  PreparedStatement statement = session.prepare(cql);
                  while (rows.hasNext()) {
                    Row key = rows.next();
                    Object[] values = new Object[columns.length];
                    for (int i = 0; i < columns.length; i++) {
                      Object value = key.get(i);
                      values[i] =
                          value instanceof java.sql.Timestamp timestamp
                              ? timestamp.toInstant()
                              : value;
                    }
                    session.execute(statement.bind(values));
                  }
                  return null;
                });
    keys.foreachPartition(deletePartition);
  }

  @Override
  public Optional<PublishedRun> publishedRun() {
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

  private void execute(SimpleStatement statement) {
    connector.jWithSessionDo(
        (CqlSession session) ->
            session.execute(statement.setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM)));
  }
}
