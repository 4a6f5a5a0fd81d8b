package dev.scs.serving.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * One record of the {@code score-updates} topic, as the speed layer writes it: a citizen's score
 * after a micro-batch ({@code citizen_id, raw, score, tier, firings, as_of}). It states the score,
 * not a change, and {@code firings} counts every firing of the citizen so far, so a change is only
 * known by comparing with the citizen's previous record.
 */
public record ScoreUpdate(
    String citizenId, double raw, BigDecimal score, String tier, long firings, String asOf) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads a record's value.
   *
   * @throws IllegalArgumentException naming the missing or malformed field
   */
  public static ScoreUpdate fromJson(byte[] value) {
    JsonNode node;
    try {
      node = JSON.readTree(value);
    } catch (IOException notJson) {
      throw new IllegalArgumentException("a score update is not JSON: " + notJson.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a score update is not a JSON object");
    }
    return new ScoreUpdate(
        text(node, "citizen_id"),
        number(node, "raw").doubleValue(),
        number(node, "score").decimalValue(),
        text(node, "tier"),
        number(node, "firings").longValue(),
        text(node, "as_of"));
  }

  /** True when {@code other} says nothing new: a record repeated by a re-run micro-batch. */
  public boolean repeats(ScoreUpdate other) {
    return other != null
        && citizenId.equals(other.citizenId)
        && score.compareTo(other.score) == 0
        && firings == other.firings
        && asOf.equals(other.asOf);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException("a score update has no text field " + field);
    }
    return value.asText();
  }

  private static JsonNode number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("a score update has no number field " + field);
    }
    return value;
  }
}
