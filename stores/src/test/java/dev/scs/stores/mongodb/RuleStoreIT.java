package dev.scs.stores.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scs.scoring.rules.RuleVersion;
import dev.scs.testing.LocalStackAddresses;
import dev.scs.testing.RequiresLocalStack;
import dev.scs.testing.Service;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RequiresLocalStack(Service.MONGODB)
class RuleStoreIT {

  private static final String LATE_PAYMENT_V2 =
      "{\"rule_id\":\"payment-late\",\"version\":2,\"event_type\":\"payment.late\","
          + "\"condition\":{\"all\":[{\"field\":\"payload.days_late\",\"op\":\"gte\",\"value\":3}]},"
          + "\"points\":{\"base\":-5,\"field\":\"payload.days_late\",\"factor\":-0.5,\"min\":-60,"
          + "\"max\":-5},\"cooldown\":\"P1D\",\"cap\":{\"max\":3,\"window\":\"P30D\"},"
          + "\"half_life\":\"P365D\",\"effective_from\":\"2026-01-01T00:00:00Z\","
          + "\"effective_to\":null,\"enabled\":true,"
          + "\"description\":\"Late payments of three days or more\"}";

  private static final String TAX_FILED_V1 =
      "{\"rule_id\":\"tax-on-time\",\"version\":1,\"event_type\":\"tax.filed\","
          + "\"condition\":{\"field\":\"payload.on_time\",\"op\":\"eq\",\"value\":true},"
          + "\"points\":4.25,\"effective_from\":\"2026-01-01T00:00:00Z\"}";

  private IsolatedDatabase isolated;
  private RuleStore store;

  @BeforeEach
  void openAnEmptyDatabase(LocalStackAddresses addresses) {
    isolated = new IsolatedDatabase(addresses);
    store = new RuleStore(isolated.database());
  }

  @AfterEach
  void dropTheDatabase() {
    isolated.close();
  }

  @Test
  void anImportedSetIsReadBackWholeAsARuleSetAndAsItsJsonText() throws Exception {
    RuleImport imported = store.add("[" + TAX_FILED_V1 + "," + LATE_PAYMENT_V2 + "]");

    CurrentRuleSet current = store.current();

    assertThat(imported.added()).containsExactly("tax-on-time:1", "payment-late:2");
    assertThat(current.rules().versions())
        .extracting(RuleVersion::key)
        .containsExactly("payment-late:2", "tax-on-time:1");
    assertThat(current.json())
        .startsWith("[{\"rule_id\":\"payment-late\",\"version\":2,")
        .contains("\"factor\":-0.5", "\"points\":4.25", "\"effective_to\":null")
        .doesNotContain("\"_id\"");
  }

  @Test
  void eachVersionIsOneDocumentKeyedByRuleIdAndVersion() throws Exception {
    store.add("[" + LATE_PAYMENT_V2 + "]");

    Document stored = isolated.database().getCollection("rules").find().first();

    assertThat(stored.getString("_id")).isEqualTo("payment-late:2");
    assertThat(stored.getInteger("version")).isEqualTo(2);
    assertThat(stored.get("points", Document.class).getDouble("factor")).isEqualTo(-0.5);
  }

  @Test
  void importingTheSameVersionsAgainChangesNothing() throws Exception {
    store.add("[" + LATE_PAYMENT_V2 + "," + TAX_FILED_V1 + "]");

    RuleImport again = store.add("[" + LATE_PAYMENT_V2 + "," + TAX_FILED_V1 + "]");

    assertThat(again.added()).isEmpty();
    assertThat(again.unchanged()).containsExactly("payment-late:2", "tax-on-time:1");
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void aVersionOverlappingAStoredOneRefusesTheWholeImportNamingRuleAndField() throws Exception {
    store.add("[" + LATE_PAYMENT_V2 + "]");
    String overlapping =
        LATE_PAYMENT_V2
            .replace("\"version\":2", "\"version\":3")
            .replace("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");

    assertThatThrownBy(() -> store.add("[" + TAX_FILED_V1 + "," + overlapping + "]"))
        .isInstanceOfSatisfying(
            RuleImportRefusedException.class,
            refused -> {
              assertThat(refused.ruleId()).isEqualTo("payment-late");
              assertThat(refused.field()).isEqualTo("effective_from");
              assertThat(refused.getMessage())
                  .startsWith("nothing imported, invalid rule set: rule 'payment-late'")
                  .endsWith("(checked together with the 1 versions stored already)");
            });
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aStoredVersionNumberWithOtherContentIsRefused() throws Exception {
    store.add("[" + LATE_PAYMENT_V2 + "]");
    String changed = LATE_PAYMENT_V2.replace("\"factor\":-0.5", "\"factor\":-1");

    assertThatThrownBy(() -> store.add("[" + changed + "]"))
        .isInstanceOfSatisfying(
            RuleImportRefusedException.class,
            refused -> {
              assertThat(refused.ruleId()).isEqualTo("payment-late");
              assertThat(refused.field()).isEqualTo("version");
              assertThat(refused.getMessage()).contains("stored already with other content");
            });
  }

  @Test
  void aNewVersionStartingWhenTheStoredOneEndsIsAdded() throws Exception {
    store.add(
        "["
            + LATE_PAYMENT_V2.replace(
                "\"effective_to\":null", "\"effective_to\":\"2026-06-01T00:00:00Z\"")
            + "]");
    String next =
        LATE_PAYMENT_V2
            .replace("\"version\":2", "\"version\":3")
            .replace("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");

    RuleImport imported = store.add("[" + next + "]");

    assertThat(imported.added()).containsExactly("payment-late:3");
    assertThat(store.current().rules().size()).isEqualTo(2);
  }

  @Test
  void aFileBreakingTheGrammarIsRefusedWithTheParsersRuleAndField() {
    String invalid =
        TAX_FILED_V1.replace("\"points\":4.25", "\"points\":4.25,\"cooldown\":\"P1M\"");

    assertThatThrownBy(() -> store.add("[" + invalid + "]"))
        .isInstanceOfSatisfying(
            RuleImportRefusedException.class,
            refused -> {
              assertThat(refused.ruleId()).isEqualTo("tax-on-time");
              assertThat(refused.field()).isEqualTo("cooldown");
            });
    assertThat(store.size()).isZero();
  }

  @Test
  void aDecimalTheStoreCannotKeepExactlyIsRefusedNamingTheField() {
    String precise = TAX_FILED_V1.replace("\"points\":4.25", "\"points\":4.2500000000000000001");

    assertThatThrownBy(() -> store.add("[" + precise + "]"))
        .isInstanceOfSatisfying(
            RuleImportRefusedException.class,
            refused -> {
              assertThat(refused.ruleId()).isEqualTo("tax-on-time");
              assertThat(refused.field()).isEqualTo("points");
              assertThat(refused.getMessage()).contains("cannot be stored exactly");
            });
  }

  @Test
  void withNothingStoredTheCurrentSetIsEmpty() {
    CurrentRuleSet current = store.current();

    assertThat(current.rules().size()).isZero();
    assertThat(current.json()).isEqualTo("[]");
  }
}
