package dev.scs.scoring.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;

/**
 * The one JSON reader of the scoring contract. Numbers keep the exact decimal value of their JSON
 * text (points are computed in exact decimal arithmetic, section 3), so {@code 3.0} stays a decimal
 * and is not an integer, and trailing content after the object is malformed.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The JSON type names the contract compares by (section 3); anything else is {@code null}. */
  public static JsonType typeOf(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    JsonNodeType type = node.getNodeType();
    switch (type) {
      case NUMBER:
        return JsonType.NUMBER;
      case STRING:
        return JsonType.STRING;
      case BOOLEAN:
        return JsonType.BOOLEAN;
      case NULL:
        return JsonType.NULL;
      default:
        return JsonType.STRUCTURE;
    }
  }

  /** Exact decimal value of a number node. */
  public static BigDecimal decimal(JsonNode number) {
    return number.decimalValue();
  }

  /** True for a JSON number written without fraction or exponent. */
  public static boolean isInteger(JsonNode node) {
    return node != null && node.isIntegralNumber();
  }
}
