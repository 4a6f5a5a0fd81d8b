package dev.scs.scoring.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A rule's points (contract, section 3): a constant, or {@code base + factor * x} with x read from
 * the event, clamped to [min, max] where given. Exact decimal arithmetic throughout, then rounded
 * half-even to 2 decimal places.
 */
public sealed interface Points permits Points.Constant, Points.Linear {

  /** The delta for this event, or {@code null} when the rule does not fire. */
  BigDecimal evaluate(ObjectNode event);

  static BigDecimal round(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN);
  }

  record Constant(BigDecimal value) implements Points {
    @Override
    public BigDecimal evaluate(ObjectNode event) {
      return round(value);
    }
  }

  /** {@code min} and {@code max} may be {@code null} (unbounded). */
  record Linear(BigDecimal base, FieldPath field, BigDecimal factor, BigDecimal min, BigDecimal max)
      implements Points {
    @Override
    public BigDecimal evaluate(ObjectNode event) {
      JsonNode x = field.resolve(event);
      if (x == null || !x.isNumber()) {
        return null;
      }
      BigDecimal value = base.add(factor.multiply(x.decimalValue(), MathContext.UNLIMITED));
      if (min != null && value.compareTo(min) < 0) {
        value = min;
      }
      if (max != null && value.compareTo(max) > 0) {
        value = max;
      }
      return round(value);
    }
  }
}
