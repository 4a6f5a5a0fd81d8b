package dev.scs.scoring.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.event.CodePointOrder;
import dev.scs.scoring.json.Json;
import dev.scs.scoring.json.JsonType;

/**
 * A condition leaf {@code {"field", "op", "value"}} (contract, section 3).
 *
 * <ul>
 *   <li>A missing field is false, except for {@code exists false}.
 *   <li>Values of different JSON types never compare: false for every op, {@code ne} included.
 *   <li>Numbers compare by exact decimal value, strings by code point; booleans and null support
 *       only {@code eq}, {@code ne} and {@code in}.
 *   <li>{@code in} is true when some element of the value is {@code eq} to the field's value.
 * </ul>
 */
public record Comparison(FieldPath field, Operator operator, JsonNode value) implements Condition {

  @Override
  public boolean test(ObjectNode event) {
    JsonNode actual = field.resolve(event);
    if (operator == Operator.EXISTS) {
      return (actual != null) == value.booleanValue();
    }
    if (actual == null) {
      return false;
    }
    if (operator == Operator.IN) {
      for (JsonNode candidate : value) {
        if (compare(Operator.EQ, actual, candidate)) {
          return true;
        }
      }
      return false;
    }
    return compare(operator, actual, value);
  }

  private static boolean compare(Operator operator, JsonNode actual, JsonNode expected) {
    JsonType type = Json.typeOf(actual);
    if (type == null || type == JsonType.STRUCTURE || type != Json.typeOf(expected)) {
      return false;
    }
    int order;
    switch (type) {
      case NUMBER:
        order = actual.decimalValue().compareTo(expected.decimalValue());
        break;
      case STRING:
        order = CodePointOrder.INSTANCE.compare(actual.textValue(), expected.textValue());
        break;
      case BOOLEAN:
        order = Boolean.compare(actual.booleanValue(), expected.booleanValue());
        if (operator != Operator.EQ && operator != Operator.NE) {
          return false;
        }
        break;
      case NULL:
        order = 0;
        if (operator != Operator.EQ && operator != Operator.NE) {
          return false;
        }
        break;
      default:
        return false;
    }
    switch (operator) {
      case EQ:
        return order == 0;
      case NE:
        return order != 0;
      case GT:
        return order > 0;
      case GTE:
        return order >= 0;
      case LT:
        return order < 0;
      case LTE:
        return order <= 0;
      default:
        throw new IllegalStateException("not a comparison operator: " + operator);
    }
  }
}
