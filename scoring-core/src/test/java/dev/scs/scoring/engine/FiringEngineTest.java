package dev.scs.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.event.CitizenRegistry;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.event.EventValidator;
import dev.scs.scoring.event.EventVerdict;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.scoring.time.Instants;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract sections 3 and 4: cooldowns, caps, versions in time, evaluation order. */
class FiringEngineTest {
  static final String CONFIG =
      "{\"base_score\":1000,\"min_score\":0,\"max_score\":2000,\"default_half_life\":\"P180D\","
          + "\"max_future_skew\":\"PT5M\",\"tiers\":[{\"name\":\"low\",\"min\":0},{\"name\":\"high\",\"min\":1000}]}";

  private static int sequence;

  static Event tax(String occurredAt) {
    String line =
        "{\"event_id\":\"e-"
            + (sequence++)
            + "\",\"citizen_id\":\"c-1\",\"type\":\"tax.filed\","
            + "\"occurred_at\":\""
            + occurredAt
            + "\",\"source\":\"t\",\"schema_version\":1,"
            + "\"payload\":{\"on_time\":true}}";
    EventVerdict verdict =
        new EventValidator(0, CitizenRegistry.ANYONE).validate(line, Long.MAX_VALUE / 2);
    return ((EventVerdict.Accepted) verdict).event();
  }

  static String rule(String ruleId, int version, String extra, String from, String to) {
    return "{\"rule_id\":\""
        + ruleId
        + "\",\"version\":"
        + version
        + ",\"event_type\":\"tax.filed\","
        + "\"points\":1,"
        + extra
        + "\"effective_from\":\""
        + from
        + "\",\"effective_to\":"
        + (to == null ? "null" : "\"" + to + "\"")
        + ",\"enabled\":true}";
  }

  private static List<Firing> run(String rulesJson, Event... events) throws Exception {
    ScoringConfig config = ScoringConfigParser.parse(CONFIG);
    FiringEngine engine = new FiringEngine(RuleSetParser.parse(rulesJson), config);
    RuleState state = RuleState.empty();
    List<Firing> firings = new ArrayList<>();
    for (Event event : events) {
      engine.apply(event, state, firings::add);
    }
    return firings;
  }

  @Test
  void aCooldownBlocksUntilExactlyTheCooldownHasPassed() throws Exception {
    String rules = "[" + rule("r", 1, "\"cooldown\":\"PT6H\",", "2026-01-01T00:00:00Z", null) + "]";

    List<Firing> firings =
        run(
            rules,
            tax("2026-01-11T00:00:00Z"),
            tax("2026-01-11T05:59:59.999Z"),
            tax("2026-01-11T06:00:00Z"));

    assertThat(firings)
        .extracting(Firing::occurredAt)
        .containsExactly(
            Instants.parseOrThrow("2026-01-11T00:00:00Z", ""),
            Instants.parseOrThrow("2026-01-11T06:00:00Z", ""));
  }

  @Test
  void aCapCountsFiringsInsideTheWindowEndingAtTheEvent() throws Exception {
    String rules =
        "["
            + rule("r", 1, "\"cap\":{\"max\":2,\"window\":\"P1D\"},", "2026-01-01T00:00:00Z", null)
            + "]";

    List<Firing> firings =
        run(
            rules,
            tax("2026-01-10T00:00:00Z"),
            tax("2026-01-10T12:00:00Z"),
            tax("2026-01-10T23:59:59.999Z"), // two firings in (t - 1 day, t]: blocked
            tax("2026-01-11T00:00:00Z")); // the first firing left the window: fires

    assertThat(firings).hasSize(3);
  }

  @Test
  void cooldownsAndCapsCountEveryVersionOfTheRule() throws Exception {
    String rules =
        "["
            + rule("r", 1, "\"cooldown\":\"P1D\",", "2026-01-01T00:00:00Z", "2026-01-11T12:00:00Z")
            + ","
            + rule("r", 2, "\"cooldown\":\"PT1H\",", "2026-01-11T12:00:00Z", null)
            + "]";

    List<Firing> firings =
        run(
            rules,
            tax("2026-01-11T11:00:00Z"),
            tax("2026-01-11T11:30:00Z"),
            tax("2026-01-11T12:30:00Z"));

    // the second is in version 1's cooldown; the third is version 2, past its own 1 h cooldown
    assertThat(firings).extracting(Firing::ruleVersion).containsExactly(1, 2);
  }

  @Test
  void aRuleWorthZeroPointsStillFiresAndCountsTowardItsCap() throws Exception {
    String rules =
        "["
            + rule("r", 1, "\"cap\":{\"max\":1,\"window\":\"P1D\"},", "2026-01-01T00:00:00Z", null)
                .replace("\"points\":1", "\"points\":0")
            + "]";

    List<Firing> firings = run(rules, tax("2026-01-10T00:00:00Z"), tax("2026-01-10T01:00:00Z"));

    assertThat(firings).hasSize(1);
    assertThat(firings.get(0).delta()).isEqualByComparingTo("0");
  }

  @Test
  void severalRulesFireOnOneEventInRuleIdOrder() throws Exception {
    String rules =
        "["
            + rule("b", 1, "", "2026-01-01T00:00:00Z", null)
            + ","
            + rule("a", 1, "", "2026-01-01T00:00:00Z", null)
            + "]";

    assertThat(run(rules, tax("2026-01-10T00:00:00Z")))
        .extracting(Firing::ruleId)
        .containsExactly("a", "b");
  }

  @Test
  void aVersionAppliesFromItsStartUntilJustBeforeItsEnd() throws Exception {
    String rules = "[" + rule("r", 1, "", "2026-01-10T00:00:00Z", "2026-01-11T00:00:00Z") + "]";

    List<Firing> firings =
        run(
            rules,
            tax("2026-01-09T23:59:59.999Z"),
            tax("2026-01-10T00:00:00Z"),
            tax("2026-01-11T00:00:00Z"));

    assertThat(firings).hasSize(1);
  }

  @Test
  void aDisabledVersionNeverFires() throws Exception {
    String rules =
        "["
            + rule("r", 1, "", "2026-01-01T00:00:00Z", null)
                .replace("\"enabled\":true", "\"enabled\":false")
            + "]";

    assertThat(run(rules, tax("2026-01-10T00:00:00Z"))).isEmpty();
  }

  @Test
  void ruleStateSurvivesASnapshotAndRestore() throws Exception {
    String rules = "[" + rule("r", 1, "\"cooldown\":\"P1D\",", "2026-01-01T00:00:00Z", null) + "]";
    ScoringConfig config = ScoringConfigParser.parse(CONFIG);
    FiringEngine engine = new FiringEngine(RuleSetParser.parse(rules), config);
    RuleState before = RuleState.empty();
    engine.apply(tax("2026-01-10T00:00:00Z"), before, firing -> {});

    RuleState restored = RuleState.restore(before.snapshot());
    List<Firing> firings = new ArrayList<>();
    engine.apply(tax("2026-01-10T12:00:00Z"), restored, firings::add);

    assertThat(firings).isEmpty();
  }
}
