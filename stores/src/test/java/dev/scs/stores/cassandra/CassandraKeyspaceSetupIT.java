package dev.scs.stores.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.scs.stores.IsolatedStores;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

@RequiresLocalStack(Service.CASSANDRA)
class CassandraKeyspaceSetupIT {

  @Test
  void theContractCreatesEveryTableInTheKeyspaceOfTheSettingsOnce(LocalStackAddresses addresses) {
    String keyspace = IsolatedStores.uniqueName();
    try (CqlSession session =
        CassandraSessions.open(IsolatedStores.settings(addresses, keyspace))) {
      CassandraKeyspaceSetup setup = new CassandraKeyspaceSetup(session, keyspace);
      try {
        List<SetupStep> first = setup.apply();
        List<SetupStep> second = setup.apply();

        assertThat(setup.tables())
            .containsExactlyInAnyOrderElementsOf(KeyspaceScript.fromContract().tables());
        assertThat(first).extracting(SetupStep::outcome).containsOnly(Outcome.CREATED);
        assertThat(first).first().extracting(SetupStep::item).isEqualTo("keyspace " + keyspace);
        assertThat(second).extracting(SetupStep::outcome).containsOnly(Outcome.UNCHANGED);
        assertThat(second).hasSameSizeAs(first);
      } finally {
        assertThat(setup.drop().outcome()).isEqualTo(Outcome.REMOVED);
      }
      assertThat(setup.keyspaceExists()).isFalse();
      assertThat(setup.drop().outcome()).isEqualTo(Outcome.ABSENT);
    }
  }

  @Test
  void theArchiveKeepsEventsForFiveYearsAsTheContractSays(LocalStackAddresses addresses) {
    String keyspace = IsolatedStores.uniqueName();
    try (CqlSession session =
        CassandraSessions.open(IsolatedStores.settings(addresses, keyspace))) {
      CassandraKeyspaceSetup setup = new CassandraKeyspaceSetup(session, keyspace);
      try {
        setup.apply();

        int timeToLive =
            session
                .execute(
                    "SELECT default_time_to_live FROM system_schema.tables"
                        + " WHERE keyspace_name = ? AND table_name = 'events_archive'",
                    keyspace)
                .one()
                .getInt("default_time_to_live");

        assertThat(timeToLive).isEqualTo(157_680_000);
      } finally {
        setup.drop();
      }
    }
  }
}
