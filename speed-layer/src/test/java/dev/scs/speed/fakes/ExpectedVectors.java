package dev.scs.speed.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scs.scoring.engine.Firing;
import dev.scs.scoring.json.Json;
import dev.scs.testing.ScoringVectors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The expected results of a public vector case, read into the speed layer's types. */
public final class ExpectedVectors {
  private ExpectedVectors() {}

  /** One expected score line (contract, section 8). */
  public record ExpectedScore(double raw, BigDecimal score, String tier, long firings) {}

  public static List<Firing> ledger(ScoringVectors.Case vectors) {
    List<Firing> ledger = new ArrayList<>();
    for (String line : vectors.expectedLedgerLines()) {
      JsonNode entry = parse(line);
      ledger.add(
          new Firing(
              entry.get("event_id").textValue(),
              entry.get("citizen_id").textValue(),
              entry.get("rule_id").textValue(),
              entry.get("rule_version").intValue(),
              entry.get("occurred_at").longValue(),
              new BigDecimal(entry.get("delta").textValue()),
              entry.get("half_life").longValue()));
    }
    return ledger;
  }

  public static Map<String, ExpectedScore> scores(ScoringVectors.Case vectors) {
    Map<String, ExpectedScore> scores = new LinkedHashMap<>();
    for (String line : vectors.expectedScoreLines()) {
      JsonNode score = parse(line);
      scores.put(
          score.get("citizen_id").textValue(),
          new ExpectedScore(
              score.get("raw").doubleValue(),
              score.get("score").decimalValue(),
              score.get("tier").textValue(),
              score.get("firings").longValue()));
    }
    return scores;
  }

  /** Line number to reason code. */
  public static Map<Integer, String> rejects(ScoringVectors.Case vectors) {
    Map<Integer, String> rejects = new LinkedHashMap<>();
    for (String line : vectors.expectedRejectLines()) {
      JsonNode reject = parse(line);
      rejects.put(reject.get("line").intValue(), reject.get("reason").textValue());
    }
    return rejects;
  }

  public static List<String> citizenIds(ScoringVectors.Case vectors) {
    return vectors.citizenLines().stream()
        .map(line -> parse(line).get("citizen_id").textValue())
        .toList();
  }

  private static JsonNode parse(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (Exception e) {
      throw new IllegalArgumentException("not JSON: " + line, e);
    }
  }
}
