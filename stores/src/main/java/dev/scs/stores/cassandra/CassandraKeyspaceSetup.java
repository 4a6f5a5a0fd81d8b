package dev.scs.stores.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies {@code schemas/cql/keyspace.cql} to one keyspace, and drops it again. Applying is
 * idempotent: the file creates everything {@code IF NOT EXISTS}, and the steps report what already
 * existed (an existing table is not compared column by column).
 */
public final class CassandraKeyspaceSetup {
  private static final String STORE = "cassandra";

  private final CqlSession session;
  private final String keyspace;
  private final KeyspaceScript script;

  public CassandraKeyspaceSetup(CqlSession session, String keyspace) {
    this(session, keyspace, KeyspaceScript.fromContract());
  }

  CassandraKeyspaceSetup(CqlSession session, String keyspace, KeyspaceScript script) {
    KeyspaceScript.requireValidName(keyspace);
    this.session = session;
    this.keyspace = keyspace;
    this.script = script;
  }

  public List<SetupStep> apply() {
    boolean keyspaceExisted = keyspaceExists();
    Set<String> tablesBefore = keyspaceExisted ? tables() : Set.of();
    for (String statement : script.statementsFor(keyspace)) {
      session.execute(SimpleStatement.newInstance(statement));
    }
    List<SetupStep> steps = new ArrayList<>();
    steps.add(
        SetupStep.of(
            STORE, "keyspace " + keyspace, keyspaceExisted ? Outcome.UNCHANGED : Outcome.CREATED));
    for (String table : script.tables()) {
      steps.add(
          SetupStep.of(
              STORE,
              "table " + keyspace + "." + table,
              tablesBefore.contains(table) ? Outcome.UNCHANGED : Outcome.CREATED));
    }
    return steps;
  }

  public SetupStep drop() {
    boolean existed = keyspaceExists();
    if (existed) {
      session.execute(SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + keyspace));
    }
    return SetupStep.of(STORE, "keyspace " + keyspace, existed ? Outcome.REMOVED : Outcome.ABSENT);
  }

  public boolean keyspaceExists() {
    return session
            .execute(
                SimpleStatement.newInstance(
                    "SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?",
                    keyspace))
            .one()
        != null;
  }

  /** The tables the keyspace has now. */
  public Set<String> tables() {
    Set<String> tables = new HashSet<>();
    for (Row row :
        session.execute(
            SimpleStatement.newInstance(
                "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", keyspace))) {
      tables.add(row.getString("table_name"));
    }
    return tables;
  }
}
