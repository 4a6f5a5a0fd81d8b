package dev.scs.scoring.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.schemas.ContractFile;
import dev.scs.scoring.event.EventType;
import dev.scs.scoring.json.ContractSchema;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.time.Durations;
import dev.scs.scoring.time.Instants;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads a rule set (a JSON array of rule versions) and refuses it whole, naming the rule and the
 * field, when any version breaks the grammar of the contract's section 3: first against {@code
 * schemas/json/rule-set.schema.json}, then for what a schema cannot say (durations, instants, min
 * above max, repeated versions, versions of one rule overlapping in time).
 */
public final class RuleSetParser {
  private static final ContractSchema SCHEMA = ContractSchema.of(ContractFile.RULE_SET_SCHEMA);

  private RuleSetParser() {}

  public static RuleSet parse(String json) throws InvalidRuleSetException {
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JacksonException e) {
      throw new InvalidRuleSetException(null, null, "not JSON: " + e.getOriginalMessage());
    }
    return parse(root);
  }

  public static RuleSet parse(JsonNode root) throws InvalidRuleSetException {
    if (root == null || !root.isArray()) {
      throw new InvalidRuleSetException(null, null, "a rule set is a JSON array of rule versions");
    }
    List<ContractSchema.Violation> violations = SCHEMA.validate(root);
    if (!violations.isEmpty()) {
      ContractSchema.Violation first = violations.get(0);
      String ruleId = first.location().isEmpty() ? null : ruleLabel(root, first.location().get(0));
      throw new InvalidRuleSetException(ruleId, first.path(1), first.message());
    }
    List<RuleVersion> versions = new ArrayList<>();
    for (int index = 0; index < root.size(); index++) {
      versions.add(version(root.get(index)));
    }
    checkVersionsDoNotRepeatOrOverlap(versions);
    return new RuleSet(versions);
  }

  private static String ruleLabel(JsonNode root, Object indexElement) {
    if (indexElement instanceof Integer index) {
      JsonNode ruleId = root.path(index).path("rule_id");
      return ruleId.isTextual() ? ruleId.textValue() : "#" + (index + 1);
    }
    return null;
  }

  private static RuleVersion version(JsonNode rule) throws InvalidRuleSetException {
    String ruleId = rule.get("rule_id").textValue();
    long effectiveFrom = instant(ruleId, rule, "effective_from");
    long effectiveTo =
        isAbsent(rule.get("effective_to")) ? Long.MAX_VALUE : instant(ruleId, rule, "effective_to");
    if (effectiveTo <= effectiveFrom) {
      throw new InvalidRuleSetException(
          ruleId, "effective_to", "must be later than effective_from");
    }
    JsonNode cap = rule.get("cap");
    JsonNode description = rule.get("description");
    JsonNode enabled = rule.get("enabled");
    return new RuleVersion(
        ruleId,
        rule.get("version").intValue(),
        EventType.fromWireName(rule.get("event_type").textValue()),
        isAbsent(rule.get("condition"))
            ? Condition.ALWAYS
            : condition(ruleId, "condition", rule.get("condition")),
        points(ruleId, rule.get("points")),
        isAbsent(rule.get("cooldown")) ? 0 : duration(ruleId, rule, "cooldown", false),
        isAbsent(cap)
            ? null
            : new Cap(cap.get("max").longValue(), duration(ruleId, cap, "window", "cap.window")),
        isAbsent(rule.get("half_life")) ? null : duration(ruleId, rule, "half_life", true),
        effectiveFrom,
        effectiveTo,
        enabled == null || enabled.booleanValue(),
        description == null || description.isNull() ? null : description.textValue());
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull();
  }

  private static Condition condition(String ruleId, String path, JsonNode node)
      throws InvalidRuleSetException {
    if (node.has("all") || node.has("any")) {
      String operator = node.has("all") ? "all" : "any";
      List<Condition> children = new ArrayList<>();
      JsonNode list = node.get(operator);
      for (int i = 0; i < list.size(); i++) {
        children.add(condition(ruleId, path + "." + operator + "[" + i + "]", list.get(i)));
      }
      return operator.equals("all")
          ? new Condition.All(List.copyOf(children))
          : new Condition.Any(List.copyOf(children));
    }
    if (node.has("not")) {
      return new Condition.Not(condition(ruleId, path + ".not", node.get("not")));
    }
    return new Comparison(
        fieldPath(ruleId, path + ".field", node.get("field").textValue()),
        Operator.fromWireName(node.get("op").textValue()),
        node.get("value"));
  }

  private static Points points(String ruleId, JsonNode node) throws InvalidRuleSetException {
    if (node.isNumber()) {
      return new Points.Constant(node.decimalValue());
    }
    BigDecimal min = isAbsent(node.get("min")) ? null : node.get("min").decimalValue();
    BigDecimal max = isAbsent(node.get("max")) ? null : node.get("max").decimalValue();
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new InvalidRuleSetException(ruleId, "points.min", "is greater than points.max");
    }
    return new Points.Linear(
        node.get("base").decimalValue(),
        fieldPath(ruleId, "points.field", node.get("field").textValue()),
        node.get("factor").decimalValue(),
        min,
        max);
  }

  private static FieldPath fieldPath(String ruleId, String field, String text)
      throws InvalidRuleSetException {
    try {
      return FieldPath.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidRuleSetException(ruleId, field, e.getMessage());
    }
  }

  private static long instant(String ruleId, JsonNode rule, String field)
      throws InvalidRuleSetException {
    String text = rule.get(field).textValue();
    OptionalLong parsed = Instants.parse(text);
    if (parsed.isEmpty()) {
      throw new InvalidRuleSetException(ruleId, field, "'" + text + "' is not an RFC 3339 instant");
    }
    return parsed.getAsLong();
  }

  private static long duration(String ruleId, JsonNode rule, String field, boolean positive)
      throws InvalidRuleSetException {
    long millis = duration(ruleId, rule, field, field);
    if (positive ? millis <= 0 : millis < 0) {
      throw new InvalidRuleSetException(
          ruleId, field, "must be " + (positive ? "positive" : "zero or positive"));
    }
    return millis;
  }

  private static long duration(String ruleId, JsonNode parent, String key, String field)
      throws InvalidRuleSetException {
    String text = parent.get(key).textValue();
    OptionalLong parsed = Durations.parse(text);
    if (parsed.isEmpty()) {
      throw new InvalidRuleSetException(
          ruleId,
          field,
          "'"
              + text
              + "' is not an ISO-8601 duration of days, hours, minutes and seconds"
              + " (such as P1D or PT12H; years and months are not allowed)");
    }
    if (field.equals("cap.window") && parsed.getAsLong() <= 0) {
      throw new InvalidRuleSetException(ruleId, field, "must be positive");
    }
    return parsed.getAsLong();
  }

  private static void checkVersionsDoNotRepeatOrOverlap(List<RuleVersion> versions)
      throws InvalidRuleSetException {
    Map<String, List<RuleVersion>> byRuleId = new HashMap<>();
    for (RuleVersion version : versions) {
      byRuleId.computeIfAbsent(version.ruleId(), id -> new ArrayList<>()).add(version);
    }
    for (List<RuleVersion> sameRule : byRuleId.values()) {
      sameRule.sort(
          Comparator.comparingLong(RuleVersion::effectiveFrom)
              .thenComparingInt(RuleVersion::version));
      Map<Integer, RuleVersion> byNumber = new HashMap<>();
      for (RuleVersion version : sameRule) {
        if (byNumber.put(version.version(), version) != null) {
          throw new InvalidRuleSetException(
              version.ruleId(), "version", "version " + version.version() + " appears twice");
        }
      }
      for (int i = 1; i < sameRule.size(); i++) {
        RuleVersion earlier = sameRule.get(i - 1);
        RuleVersion later = sameRule.get(i);
        if (later.effectiveFrom() < earlier.effectiveTo()) {
          throw new InvalidRuleSetException(
              later.ruleId(),
              "effective_from",
              "version "
                  + later.version()
                  + " starts at "
                  + Instants.format(later.effectiveFrom())
                  + ", before version "
                  + earlier.version()
                  + " ends ("
                  + (earlier.effectiveTo() == Long.MAX_VALUE
                      ? "it has no effective_to"
                      : Instants.format(earlier.effectiveTo()))
                  + "): versions of one rule must not overlap in time");
        }
      }
    }
  }
}
