package dev.scs.stores.influxdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.stores.IsolatedStores;
import dev.scs.stores.StoreSettings;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupStep.Outcome;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On InfluxDB 1.8 each bucket of the layout is a database whose default policy has its retention.
 */
@RequiresLocalStack(Service.INFLUXDB)
class InfluxDatabaseSetupIT {

  @Test
  void everyBucketBecomesADatabaseWithItsRetentionOnceAndIsDroppedAgain(
      LocalStackAddresses addresses) {
    StoreSettings settings = IsolatedStores.settings(addresses, IsolatedStores.uniqueName());
    InfluxLayout layout = InfluxLayout.fromContract().withSuffix("_" + IsolatedStores.uniqueName());
    InfluxDatabaseSetup setup = new InfluxDatabaseSetup(settings, layout);
    try {
      List<SetupStep> first = setup.apply();
      List<SetupStep> second = setup.apply();

      assertThat(first).extracting(SetupStep::outcome).containsOnly(Outcome.CREATED).hasSize(3);
      assertThat(second).extracting(SetupStep::outcome).containsOnly(Outcome.UNCHANGED);
      for (InfluxBucket bucket : layout.buckets()) {
        assertThat(setup.databases()).contains(bucket.name());
        assertThat(setup.defaultRetention(bucket.name())).contains(bucket.retention());
      }
    } finally {
      assertThat(setup.drop()).extracting(SetupStep::outcome).containsOnly(Outcome.REMOVED);
    }
    assertThat(setup.databases())
        .doesNotContainAnyElementsOf(layout.buckets().stream().map(InfluxBucket::name).toList());
  }

  @Test
  void aRetentionChangedByHandIsBroughtBackToTheLayouts(LocalStackAddresses addresses) {
    StoreSettings settings = IsolatedStores.settings(addresses, IsolatedStores.uniqueName());
    InfluxLayout layout = InfluxLayout.fromContract().withSuffix("_" + IsolatedStores.uniqueName());
    InfluxDatabaseSetup setup = new InfluxDatabaseSetup(settings, layout);
    InfluxBucket events = layout.buckets().get(0);
    try {
      setup.apply();
      new InfluxQl(settings)
          .execute("ALTER RETENTION POLICY autogen ON " + events.name() + " DURATION 48h DEFAULT");

      List<SetupStep> steps = setup.apply();

      assertThat(steps.get(0).outcome()).isEqualTo(Outcome.UPDATED);
      assertThat(steps.get(0).detail()).isEqualTo("its retention was PT48H");
      assertThat(setup.defaultRetention(events.name())).contains(events.retention());
      assertThat(events.retention()).isEqualTo(Duration.ofDays(90));
    } finally {
      setup.drop();
    }
  }
}
