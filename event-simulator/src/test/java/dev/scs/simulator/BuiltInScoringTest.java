package dev.scs.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.schemas.ContractFile;
import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.event.CitizenRegistry;
import dev.scs.scoring.event.Event;
import dev.scs.scoring.event.EventType;
import dev.scs.scoring.event.EventValidator;
import dev.scs.scoring.event.EventVerdict;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.replay.CitizenReplay;
import dev.scs.scoring.rules.Points;
import dev.scs.scoring.rules.RuleSet;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.scoring.rules.RuleVersion;
import dev.scs.simulator.events.EventStream;
import dev.scs.simulator.events.FaultPlan;
import dev.scs.simulator.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The built-in rule set and config of schemas/rules/, as scoring-core reads them. */
class BuiltInScoringTest {
  private static final RuleSet RULES = parseRules();
  private static final ScoringConfig CONFIG = parseConfig();

  private static RuleSet parseRules() {
    try {
      return RuleSetParser.parse(ContractFile.DEFAULT_RULE_SET.read());
    } catch (Exception e) {
      throw new AssertionError("the built-in rule set is refused: " + e.getMessage(), e);
    }
  }

  private static ScoringConfig parseConfig() {
    try {
      return ScoringConfigParser.parse(ContractFile.DEFAULT_CONFIG.read());
    } catch (Exception e) {
      throw new AssertionError("the built-in config is refused: " + e.getMessage(), e);
    }
  }

  @Test
  void everyEventTypeOfTheCatalogueHasARule() {
    Set<EventType> covered = EnumSet.noneOf(EventType.class);
    RULES.versions().forEach(version -> covered.add(version.eventType()));

    assertThat(covered).containsExactlyInAnyOrder(EventType.values());
  }

  @Test
  void everyRuleHasAConditionACooldownACapItsOwnHalfLifeAndADescription() throws Exception {
    JsonNode file = Json.mapper().readTree(ContractFile.DEFAULT_RULE_SET.read());

    for (JsonNode rule : file) {
      String label = rule.get("rule_id").textValue() + ":" + rule.get("version").intValue();
      assertThat(rule.has("condition")).as(label).isTrue();
      assertThat(rule.get("cooldown").isTextual()).as(label).isTrue();
      assertThat(rule.get("cap").isObject()).as(label).isTrue();
      assertThat(rule.get("half_life").isTextual()).as(label).isTrue();
      assertThat(rule.get("description").textValue()).as(label).hasSizeGreaterThan(40);
    }
    assertThat(RULES.versions())
        .allMatch(version -> version.halfLifeMillis() != null && version.cap() != null)
        .allMatch(version -> version.cooldownMillis() > 0);
  }

  @Test
  void pointsAreLinearWhereAnEventCarriesANumber() {
    long linear =
        RULES.versions().stream()
            .filter(version -> version.points() instanceof Points.Linear)
            .count();

    assertThat(linear).isGreaterThanOrEqualTo(7);
    assertThat(RULES.versions())
        .filteredOn(version -> version.eventType() == EventType.PAYMENT_LATE)
        .extracting(RuleVersion::version)
        .containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void theConfigIsTheContractsExample() {
    assertThat(CONFIG.baseScore()).isEqualTo(1000);
    assertThat(CONFIG.tiers()).hasSize(5);
  }

  @Test
  void aSimulatedMonthUnderTheBuiltInRulesSpreadsCitizensOverSeveralTiers() {
    World world = World.generate(2_000, 5);
    long now = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    EventStream stream =
        EventStream.backfill(world, 5, now, Duration.ofDays(60), 200_000, FaultPlan.NONE);
    EventValidator validator =
        new EventValidator(CONFIG.maxFutureSkewMillis(), CitizenRegistry.ANYONE);
    Map<String, List<Event>> byCitizen = new HashMap<>();
    stream.forEachRemaining(
        record -> {
          EventVerdict verdict = validator.validate(record.line(), now);
          Event event = ((EventVerdict.Accepted) verdict).event();
          byCitizen.computeIfAbsent(event.citizenId(), id -> new ArrayList<>()).add(event);
        });

    CitizenReplay replay = new CitizenReplay(RULES, CONFIG);
    Map<String, Integer> tiers = new TreeMap<>();
    byCitizen
        .values()
        .forEach(events -> tiers.merge(replay.replay(events, now).score().tier(), 1, Integer::sum));

    assertThat(tiers.keySet()).hasSizeGreaterThanOrEqualTo(3).contains("standard");
    assertThat(tiers.get("standard")).isLessThan(byCitizen.size());
  }
}
