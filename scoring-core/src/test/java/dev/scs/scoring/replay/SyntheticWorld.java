package dev.scs.scoring.replay;

import dev.scs.scoring.config.ScoringConfig;
import dev.scs.scoring.config.ScoringConfigParser;
import dev.scs.scoring.rules.RuleSet;
import dev.scs.scoring.rules.RuleSetParser;
import dev.scs.scoring.time.Instants;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random event files over a rule set that exercises every mechanism: conditions, linear points,
 * cooldowns, caps, two versions of one rule, several half-lives. Times fall on whole minutes of a
 * few weeks so that ties in occurred_at are common.
 */
final class SyntheticWorld {
  static final long START = Instants.parseOrThrow("2026-01-01T00:00:00Z", "start");
  static final long END = START + 40L * 86_400_000L;
  static final long AS_OF = END + 86_400_000L;

  static final String RULES =
      "[{\"rule_id\":\"late\",\"version\":1,\"event_type\":\"payment.late\","
          + "\"condition\":{\"all\":[{\"field\":\"payload.days_late\",\"op\":\"gte\",\"value\":3}]},"
          + "\"points\":{\"base\":-5,\"field\":\"payload.days_late\",\"factor\":-0.5,\"min\":-60,\"max\":-5},"
          + "\"cooldown\":\"P1D\",\"half_life\":\"P365D\",\"effective_from\":\"2025-01-01T00:00:00Z\","
          + "\"effective_to\":\"2026-01-20T00:00:00Z\",\"enabled\":true},"
          + "{\"rule_id\":\"late\",\"version\":2,\"event_type\":\"payment.late\","
          + "\"points\":{\"base\":-1.5,\"field\":\"payload.amount\",\"factor\":-0.005,\"min\":-75.25,\"max\":-1},"
          + "\"cooldown\":\"PT36H\",\"half_life\":\"P365D\",\"effective_from\":\"2026-01-20T00:00:00Z\","
          + "\"effective_to\":null,\"enabled\":true},"
          + "{\"rule_id\":\"on-time\",\"version\":1,\"event_type\":\"payment.on_time\",\"points\":2,"
          + "\"cap\":{\"max\":3,\"window\":\"P7D\"},\"effective_from\":\"2025-01-01T00:00:00Z\",\"enabled\":true},"
          + "{\"rule_id\":\"traffic\",\"version\":1,\"event_type\":\"traffic.violation\","
          + "\"condition\":{\"any\":[{\"field\":\"payload.severity\",\"op\":\"in\",\"value\":[\"major\",\"critical\"]},"
          + "{\"field\":\"payload.speed_over_kmh\",\"op\":\"gt\",\"value\":40}]},"
          + "\"points\":{\"base\":-20,\"field\":\"payload.speed_over_kmh\",\"factor\":-0.75,\"min\":-120},"
          + "\"cap\":{\"max\":2,\"window\":\"P10D\"},\"cooldown\":\"PT6H\",\"half_life\":\"P30D\","
          + "\"effective_from\":\"2025-01-01T00:00:00Z\",\"enabled\":true},"
          + "{\"rule_id\":\"traffic-any\",\"version\":1,\"event_type\":\"traffic.violation\",\"points\":-3.333,"
          + "\"effective_from\":\"2025-01-01T00:00:00Z\",\"enabled\":true}]";

  static final String CONFIG =
      "{\"base_score\":1000,\"min_score\":0,\"max_score\":2000,\"default_half_life\":\"P180D\","
          + "\"max_future_skew\":\"PT5M\",\"tiers\":[{\"name\":\"restricted\",\"min\":0},"
          + "{\"name\":\"watch\",\"min\":850},{\"name\":\"standard\",\"min\":950},"
          + "{\"name\":\"trusted\",\"min\":1050},{\"name\":\"exemplary\",\"min\":1150}]}";

  private SyntheticWorld() {}

  static RuleSet rules() {
    try {
      return RuleSetParser.parse(RULES);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ScoringConfig config() {
    try {
      return ScoringConfigParser.parse(CONFIG);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Event lines with distinct event ids (the index) for up to three citizens. */
  static Arbitrary<List<String>> eventFiles() {
    return eventWithoutId().list().ofMinSize(1).ofMaxSize(60).map(SyntheticWorld::numbered);
  }

  private static List<String> numbered(List<String> templates) {
    java.util.ArrayList<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      lines.add(templates.get(i).replace("@ID@", "ev-" + i));
    }
    return lines;
  }

  private static Arbitrary<String> eventWithoutId() {
    Arbitrary<String> citizen = Arbitraries.of("c-1", "c-2", "c-3");
    Arbitrary<Long> minute = Arbitraries.longs().between(0, (END - START) / 60_000);
    Arbitrary<String> payload =
        Arbitraries.oneOf(
            Arbitraries.integers()
                .between(1, 9)
                .map(
                    days ->
                        "\"payment.late\",\"payload\":{\"amount\":"
                            + (days * 997)
                            + ",\"currency\":\"EUR\",\"days_late\":"
                            + days
                            + "}"),
            Arbitraries.just("\"payment.on_time\",\"payload\":{\"amount\":5,\"currency\":\"EUR\"}"),
            Arbitraries.of("minor", "major", "critical")
                .flatMap(
                    severity ->
                        Arbitraries.integers()
                            .between(0, 80)
                            .injectNull(0.3)
                            .map(
                                speed ->
                                    "\"traffic.violation\",\"payload\":{\"severity\":\""
                                        + severity
                                        + "\""
                                        + (speed == null ? "" : ",\"speed_over_kmh\":" + speed)
                                        + "}")));
    return Combinators.combine(citizen, minute, payload)
        .as(
            (citizenId, minutes, typeAndPayload) ->
                "{\"event_id\":\"@ID@\",\"citizen_id\":\""
                    + citizenId
                    + "\",\"occurred_at\":\""
                    + Instants.format(START + minutes * 60_000)
                    + "\",\"source\":\"world\","
                    + "\"schema_version\":1,\"type\":"
                    + typeAndPayload
                    + "}");
  }
}
