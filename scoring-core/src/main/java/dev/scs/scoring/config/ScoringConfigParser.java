package dev.scs.scoring.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.schemas.ContractFile;
import dev.scs.scoring.json.ContractSchema;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.time.Durations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/** Reads and checks a scoring config against {@code schemas/json/config.schema.json}. */
public final class ScoringConfigParser {
  private static final ContractSchema SCHEMA = ContractSchema.of(ContractFile.CONFIG_SCHEMA);

  private ScoringConfigParser() {}

  public static ScoringConfig parse(String json) throws InvalidConfigException {
    try {
      return parse(Json.mapper().readTree(json));
    } catch (JacksonException e) {
      throw new InvalidConfigException(null, "not JSON: " + e.getOriginalMessage());
    }
  }

  public static ScoringConfig parse(JsonNode root) throws InvalidConfigException {
    if (root == null || !root.isObject()) {
      throw new InvalidConfigException(null, "a config is a JSON object");
    }
    List<ContractSchema.Violation> violations = SCHEMA.validate(root);
    if (!violations.isEmpty()) {
      throw new InvalidConfigException(violations.get(0).path(0), violations.get(0).message());
    }
    double minScore = root.get("min_score").doubleValue();
    double maxScore = root.get("max_score").doubleValue();
    if (minScore > maxScore) {
      throw new InvalidConfigException("min_score", "is greater than max_score");
    }
    long halfLife = duration(root, "default_half_life");
    if (halfLife <= 0) {
      throw new InvalidConfigException("default_half_life", "must be positive");
    }
    long skew = duration(root, "max_future_skew");
    if (skew < 0) {
      throw new InvalidConfigException("max_future_skew", "must not be negative");
    }
    List<Tier> tiers = new ArrayList<>();
    for (JsonNode tier : root.get("tiers")) {
      tiers.add(new Tier(tier.get("name").textValue(), tier.get("min").decimalValue()));
    }
    // A stable sort keeps the file's order among equal mins; the last of them wins in tier().
    tiers.sort(Comparator.comparing(Tier::min));
    return new ScoringConfig(
        root.get("base_score").doubleValue(),
        minScore,
        maxScore,
        halfLife,
        skew,
        List.copyOf(tiers));
  }

  private static long duration(JsonNode root, String field) throws InvalidConfigException {
    String text = root.get(field).textValue();
    OptionalLong millis = Durations.parse(text);
    if (millis.isEmpty()) {
      throw new InvalidConfigException(
          field, "'" + text + "' is not an ISO-8601 duration such as P180D or PT5M");
    }
    return millis.getAsLong();
  }
}
