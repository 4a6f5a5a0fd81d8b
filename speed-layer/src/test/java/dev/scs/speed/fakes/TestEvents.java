package dev.scs.speed.fakes;

/**
 * Small, valid events and rule sets, written out in full so that a test reads like the contract.
 */
public final class TestEvents {
  public static final String CONFIG =
      """
      {"base_score": 1000, "min_score": 0, "max_score": 2000, "default_half_life": "P180D",
       "max_future_skew": "PT5M",
       "tiers": [{"name": "watch", "min": 0}, {"name": "standard", "min": 950},
                 {"name": "trusted", "min": 1050}]}
      """;

  private TestEvents() {}

  public static String taxFiled(String eventId, String citizenId, String occurredAt) {
    return """
        {"event_id": "%s", "citizen_id": "%s", "type": "tax.filed", "occurred_at": "%s",
         "source": "test", "schema_version": 1, "payload": {"on_time": true}}"""
        .formatted(eventId, citizenId, occurredAt);
  }

  public static String tieAdded(String eventId, String citizenId, String other, String occurredAt) {
    return """
        {"event_id": "%s", "citizen_id": "%s", "type": "social.tie_added", "occurred_at": "%s",
         "source": "test", "schema_version": 1,
         "payload": {"other_citizen_id": "%s", "relation": "friend"}}"""
        .formatted(eventId, citizenId, occurredAt, other);
  }

  /** One version of a rule on tax.filed, worth {@code points}, in force over the given span. */
  public static String taxRule(
      int version, String points, String cooldown, String effectiveFrom, String effectiveTo) {
    return """
        {"rule_id": "tax", "version": %d, "event_type": "tax.filed", "points": %s,
         %s "effective_from": "%s", "effective_to": %s, "enabled": true}"""
        .formatted(
            version,
            points,
            cooldown == null ? "" : "\"cooldown\": \"" + cooldown + "\",",
            effectiveFrom,
            effectiveTo == null ? "null" : "\"" + effectiveTo + "\"");
  }

  public static String ruleSet(String... versions) {
    return "[" + String.join(",", versions) + "]";
  }
}
