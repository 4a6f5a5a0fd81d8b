package dev.scs.stores.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scs.scoring.config.InvalidConfigException;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresLocalStack(Service.MONGODB)
class ConfigStoreIT {

  private static final String CONFIG =
      "{\"base_score\":1000,\"min_score\":0,\"max_score\":2000,\"default_half_life\":\"P180D\","
          + "\"max_future_skew\":\"PT5M\",\"tiers\":[{\"name\":\"restricted\",\"min\":0},"
          + "{\"name\":\"watch\",\"min\":850},{\"name\":\"standard\",\"min\":950.5}]}";

  private IsolatedDatabase isolated;
  private ConfigStore store;

  @BeforeEach
  void openAnEmptyDatabase(LocalStackAddresses addresses) {
    isolated = new IsolatedDatabase(addresses);
    store = new ConfigStore(isolated.database());
  }

  @AfterEach
  void dropTheDatabase() {
    isolated.close();
  }

  @Test
  void aStoredConfigIsReadBackAsItWasGiven() throws Exception {
    assertThat(store.current()).isEmpty();

    assertThat(store.put(CONFIG)).isEqualTo(ConfigChange.STORED);

    CurrentConfig current = store.current().orElseThrow();
    assertThat(current.json()).isEqualTo(CONFIG);
    assertThat(current.config().baseScore()).isEqualTo(1000.0);
    assertThat(current.config().tier(new java.math.BigDecimal("951"))).isEqualTo("standard");
    assertThat(isolated.database().getCollection("config").find().first().getString("_id"))
        .isEqualTo("current");
  }

  @Test
  void storingTheSameConfigAgainChangesNothingAndAnotherReplacesIt() throws Exception {
    store.put(CONFIG);

    ConfigChange same = store.put(CONFIG);
    ConfigChange other = store.put(CONFIG.replace("\"base_score\":1000", "\"base_score\":900"));

    assertThat(same).isEqualTo(ConfigChange.UNCHANGED);
    assertThat(other).isEqualTo(ConfigChange.REPLACED);
    assertThat(store.current().orElseThrow().config().baseScore()).isEqualTo(900.0);
    assertThat(isolated.database().getCollection("config").countDocuments(new Document()))
        .isEqualTo(1);
  }

  @Test
  void isCurrentComparesAConfigWithTheStoredOneWithoutWriting() throws Exception {
    assertThat(store.isCurrent(CONFIG)).isFalse();
    store.put(CONFIG);

    assertThat(store.isCurrent(CONFIG.replace("\"base_score\":1000", "\"base_score\":1000.0")))
        .isTrue();
    assertThat(store.isCurrent(CONFIG.replace("\"base_score\":1000", "\"base_score\":999")))
        .isFalse();
    assertThat(store.current().orElseThrow().config().baseScore()).isEqualTo(1000.0);
  }

  @Test
  void anInvalidConfigIsRefusedNamingTheFieldAndNotStored() {
    assertThatThrownBy(() -> store.put(CONFIG.replace("\"P180D\"", "\"P6M\"")))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            refused -> assertThat(refused.field()).isEqualTo("default_half_life"));
    assertThat(store.current()).isEmpty();
  }
}
