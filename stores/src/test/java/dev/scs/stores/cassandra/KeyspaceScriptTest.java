package dev.scs.stores.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyspaceScriptTest {

  @Test
  void theContractFileCreatesKeyspaceScsAndItsTables() {
    KeyspaceScript script = KeyspaceScript.fromContract();

    assertThat(script.keyspace()).isEqualTo("scs");
    assertThat(script.tables())
        .contains(
            "events_archive", "event_ids", "ledger", "batch_view", "speed_view", "rule_state");
  }

  @Test
  void renamingReplacesTheKeyspaceEverywhereAndNothingElse() {
    KeyspaceScript script =
        KeyspaceScript.parse(
            """
            -- a comment naming scs.events
            CREATE KEYSPACE IF NOT EXISTS scs
              WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};
            CREATE TABLE IF NOT EXISTS scs.events (
              scs_id text PRIMARY KEY,
              note text
            ) WITH comment = 'kept in scs';
            """);

    List<String> renamed = script.statementsFor("it_run");

    assertThat(renamed.get(0))
        .startsWith("CREATE KEYSPACE IF NOT EXISTS it_run\n")
        .contains("'replication_factor': 1");
    assertThat(renamed.get(1))
        .startsWith("CREATE TABLE IF NOT EXISTS it_run.events (")
        .contains("scs_id text PRIMARY KEY", "comment = 'kept in scs'");
  }

  @Test
  void everyStatementOfTheContractIsRenamed() {
    List<String> renamed = KeyspaceScript.fromContract().statementsFor("other");

    assertThat(renamed).noneMatch(statement -> statement.matches("(?s).*\\bscs\\..*"));
    assertThat(renamed.subList(1, renamed.size()))
        .allMatch(statement -> statement.startsWith("CREATE TABLE IF NOT EXISTS other."));
  }

  @Test
  void aKeyspaceNameCqlWouldFoldOrRefuseIsRejected() {
    KeyspaceScript script = KeyspaceScript.fromContract();

    assertThatThrownBy(() -> script.statementsFor("It-Run"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cassandra.keyspace must be 1-48 of [a-z0-9_]");
  }

  @Test
  void aStatementTheSetupCouldNotReportIsRefused() {
    assertThatThrownBy(
            () ->
                KeyspaceScript.parse(
                    "CREATE KEYSPACE IF NOT EXISTS scs WITH replication = {};\n"
                        + "CREATE INDEX IF NOT EXISTS ON scs.events (note);\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CREATE INDEX IF NOT EXISTS ON scs.events (note)");
  }
}
