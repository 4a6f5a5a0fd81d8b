package dev.scs.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scs.testing.ScoringVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract section 3: an invalid rule set is refused whole, naming the rule and the field. */
class RuleSetParserTest {
  private static final String VALID =
      "{\"rule_id\":\"late\",\"version\":1,\"event_type\":\"payment.late\","
          + "\"condition\":{\"all\":[{\"field\":\"payload.days_late\",\"op\":\"gte\",\"value\":3}]},"
          + "\"points\":{\"base\":-5,\"field\":\"payload.days_late\",\"factor\":-0.5,\"min\":-60,\"max\":-5},"
          + "\"cooldown\":\"P1D\",\"cap\":{\"max\":3,\"window\":\"P30D\"},\"half_life\":\"P365D\","
          + "\"effective_from\":\"2026-01-01T00:00:00Z\",\"effective_to\":null,\"enabled\":true,"
          + "\"description\":\"Late payments of three days or more\"}";

  @Test
  void readsTheSpecExample() throws Exception {
    RuleSet rules = RuleSetParser.parse("[" + VALID + "]");

    RuleVersion version = rules.versions().get(0);
    assertThat(version.ruleId()).isEqualTo("late");
    assertThat(version.cooldownMillis()).isEqualTo(86_400_000L);
    assertThat(version.cap()).isEqualTo(new Cap(3, 30L * 86_400_000L));
    assertThat(version.halfLifeMillis()).isEqualTo(365L * 86_400_000L);
    assertThat(version.effectiveTo()).isEqualTo(Long.MAX_VALUE);
    assertThat(version.enabled()).isTrue();
  }

  @Test
  void readsEveryPublicVectorRuleSet() throws Exception {
    for (String name : ScoringVectors.caseNames()) {
      assertThat(RuleSetParser.parse(ScoringVectors.load(name).rulesJson()).size()).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing points | \"points\":{\"base\":-5,\"field\":\"payload.days_late\",\"factor\":-0.5,\"min\":-60,\"max\":-5}, | | points",
        "unknown op | \"op\":\"gte\" | \"op\":\"bigger\" | condition.all[0]",
        "in needs an array | \"op\":\"gte\",\"value\":3 | \"op\":\"in\",\"value\":3 | condition.all[0]",
        "months | \"cooldown\":\"P1D\" | \"cooldown\":\"P1M\" | cooldown",
        "years in half-life | \"half_life\":\"P365D\" | \"half_life\":\"P1Y\" | half_life",
        "negative cooldown | \"cooldown\":\"P1D\" | \"cooldown\":\"-P1D\" | cooldown",
        "zero half-life | \"half_life\":\"P365D\" | \"half_life\":\"PT0S\" | half_life",
        "min above max | \"min\":-60 | \"min\":-1 | points.min",
        "bad instant | 2026-01-01T00:00:00Z | 2026-01-01 | effective_from",
        "unknown event type | payment.late | payment.later | event_type",
        "cap without window | \"cap\":{\"max\":3,\"window\":\"P30D\"} | \"cap\":{\"max\":3} | cap",
        "fractional version | \"version\":1 | \"version\":1.5 | version",
      })
  void refusesARuleThatBreaksTheGrammarNamingTheRuleAndField(
      String description, String from, String to, String field) {
    String broken = VALID.replace(from, to == null ? "" : to);

    assertThatThrownBy(() -> RuleSetParser.parse("[" + broken + "]"))
        .isInstanceOfSatisfying(
            InvalidRuleSetException.class,
            e -> {
              assertThat(e.ruleId()).isEqualTo("late");
              assertThat(e.field()).startsWith(field);
              assertThat(e.getMessage()).contains("'late'");
            });
  }

  @Test
  void refusesVersionsOfOneRuleThatOverlapInTime() {
    String second =
        VALID
            .replace("\"version\":1", "\"version\":2")
            .replace("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");

    assertThatThrownBy(() -> RuleSetParser.parse("[" + VALID + "," + second + "]"))
        .isInstanceOfSatisfying(
            InvalidRuleSetException.class,
            e -> {
              assertThat(e.ruleId()).isEqualTo("late");
              assertThat(e.field()).isEqualTo("effective_from");
              assertThat(e.getMessage()).contains("must not overlap");
            });
  }

  @Test
  void acceptsVersionsThatFollowEachOther() throws Exception {
    String first =
        VALID.replace("\"effective_to\":null", "\"effective_to\":\"2026-06-01T00:00:00Z\"");
    String second =
        VALID
            .replace("\"version\":1", "\"version\":2")
            .replace("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");

    assertThat(RuleSetParser.parse("[" + first + "," + second + "]").size()).isEqualTo(2);
  }

  @Test
  void refusesTheSameVersionTwice() {
    String first =
        VALID.replace("\"effective_to\":null", "\"effective_to\":\"2026-06-01T00:00:00Z\"");
    String again = VALID.replace("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");

    assertThatThrownBy(() -> RuleSetParser.parse("[" + first + "," + again + "]"))
        .isInstanceOfSatisfying(
            InvalidRuleSetException.class, e -> assertThat(e.field()).isEqualTo("version"));
  }

  @Test
  void refusesSomethingThatIsNotAListOfRules() {
    assertThatThrownBy(() -> RuleSetParser.parse("{\"rules\":[]}"))
        .isInstanceOf(InvalidRuleSetException.class);
    assertThatThrownBy(() -> RuleSetParser.parse("[oops")).hasMessageContaining("not JSON");
  }

  @Test
  void namesARuleWithoutAnIdByItsPosition() {
    assertThatThrownBy(() -> RuleSetParser.parse("[" + VALID + ",{\"version\":1}]"))
        .isInstanceOfSatisfying(
            InvalidRuleSetException.class, e -> assertThat(e.ruleId()).isEqualTo("#2"));
  }
}
