package dev.scs.speed.scoring;

import static dev.scs.speed.fakes.TestEvents.CONFIG;
import static dev.scs.speed.fakes.TestEvents.ruleSet;
import static dev.scs.speed.fakes.TestEvents.taxRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scs.speed.fakes.InMemoryRuleSource;
import dev.scs.speed.port.RuleSource;
import org.junit.jupiter.api.Test;

class RefreshingRulesTest {
  private static final String VALID = ruleSet(taxRule(1, "1", null, "2026-01-01T00:00:00Z", null));
  private static final String OVERLAPPING =
      ruleSet(
          taxRule(1, "1", null, "2026-01-01T00:00:00Z", null),
          taxRule(2, "2", null, "2026-02-01T00:00:00Z", null));

  @Test
  void aValidNewSetIsInForceAtTheNextLoad() {
    InMemoryRuleSource source = new InMemoryRuleSource(VALID, CONFIG);
    RefreshingRules rules = new RefreshingRules(source);
    rules.current();
    String twoVersions =
        ruleSet(
            taxRule(1, "1", null, "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
            taxRule(2, "2", null, "2026-02-01T00:00:00Z", null));

    source.replaceRules(twoVersions);

    assertThat(rules.current().rules().size()).isEqualTo(2);
    assertThat(rules.refusals()).isZero();
  }

  @Test
  void anInvalidSetIsRefusedAndThePreviousOneStaysInForce() {
    InMemoryRuleSource source = new InMemoryRuleSource(VALID, CONFIG);
    RefreshingRules rules = new RefreshingRules(source);
    ScoringRules before = rules.current();

    source.replaceRules(OVERLAPPING);

    assertThat(rules.current()).isSameAs(before);
    assertThat(rules.refusals()).isEqualTo(1);
  }

  @Test
  void theSameRefusedSetIsCountedOnceHoweverOftenItIsLoaded() {
    InMemoryRuleSource source = new InMemoryRuleSource(VALID, CONFIG);
    RefreshingRules rules = new RefreshingRules(source);
    rules.current();
    source.replaceRules(OVERLAPPING);

    rules.current();
    rules.current();
    source.replaceRules("not json");
    rules.current();

    assertThat(rules.refusals()).isEqualTo(2);
  }

  @Test
  void withoutAnyValidSetTheFirstLoadFailsNamingTheRuleAndField() {
    RefreshingRules rules = new RefreshingRules(new InMemoryRuleSource(OVERLAPPING, CONFIG));

    assertThatThrownBy(rules::current)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the test's rules")
        .hasMessageContaining("rule 'tax'")
        .hasMessageContaining("effective_from");
  }

  @Test
  void aSourceThatCannotBeReadKeepsThePreviousSetWithoutARefusal() {
    InMemoryRuleSource working = new InMemoryRuleSource(VALID, CONFIG);
    boolean[] down = {false};
    RuleSource source =
        () -> {
          if (down[0]) {
            throw new IllegalStateException("connection refused");
          }
          return working.load();
        };
    RefreshingRules rules = new RefreshingRules(source);
    ScoringRules before = rules.current();

    down[0] = true;

    assertThat(rules.current()).isSameAs(before);
    assertThat(rules.refusals()).isZero();
  }

  @Test
  void storedRulesTheSourceFindsUnusableAreARefusal() {
    InMemoryRuleSource working = new InMemoryRuleSource(VALID, CONFIG);
    boolean[] broken = {false};
    RuleSource source =
        () -> {
          if (broken[0]) {
            throw new RuleSource.UnusableRulesException(
                "the stored rules are not a valid set", null);
          }
          return working.load();
        };
    RefreshingRules rules = new RefreshingRules(source);
    ScoringRules before = rules.current();

    broken[0] = true;

    assertThat(rules.current()).isSameAs(before);
    assertThat(rules.refusals()).isEqualTo(1);
  }
}
