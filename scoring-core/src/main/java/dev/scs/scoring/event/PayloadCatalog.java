package dev.scs.scoring.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scs.scoring.json.Json;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Payload fields of each event type (contract, section 2). Mirrors {@code
 * schemas/json/event.schema.json}; {@code EventSchemaAgreementTest} checks that both decide alike
 * on every sample, so a change to one without the other fails the build.
 */
final class PayloadCatalog {
  static final Pattern CITIZEN_ID = Pattern.compile("[a-z0-9-]{1,40}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final BigDecimal TWENTY_FOUR = BigDecimal.valueOf(24);
  private static final Set<String> RELATIONS = Set.of("friend", "family", "colleague", "neighbor");

  private PayloadCatalog() {}

  /** A description of the first violation, or {@code null} when the payload is valid. */
  static String violation(EventType type, ObjectNode payload) {
    switch (type) {
      case PAYMENT_ON_TIME:
      case LOAN_DEFAULT:
        return firstOf(amountAtLeastZero(payload), currency(payload));
      case PAYMENT_LATE:
        return firstOf(
            amountAtLeastZero(payload),
            currency(payload),
            integerInRange(payload, "days_late", 1, Long.MAX_VALUE, true));
      case TRAFFIC_VIOLATION:
        return firstOf(
            oneOf(payload, "severity", Set.of("minor", "major", "critical")),
            integerInRange(payload, "speed_over_kmh", 0, Long.MAX_VALUE, false));
      case VOLUNTEER_SHIFT:
        return firstOf(hours(payload), string(payload, "organization"));
      case DONATION_MADE:
        return firstOf(positiveAmount(payload), currency(payload), string(payload, "charity"));
      case TAX_FILED:
        return payload.path("on_time").isBoolean() ? null : "payload.on_time must be a boolean";
      case PUBLIC_DISTURBANCE:
        return oneOf(payload, "severity", Set.of("minor", "major"));
      case EDUCATION_COURSE_COMPLETED:
        return firstOf(string(payload, "course"), integerInRange(payload, "credits", 1, 60, true));
      case SOCIAL_TIE_ADDED:
      case SOCIAL_TIE_REMOVED:
        return firstOf(otherCitizen(payload), oneOf(payload, "relation", RELATIONS));
      default:
        throw new IllegalStateException("no payload rules for " + type);
    }
  }

  private static String firstOf(String... violations) {
    for (String violation : violations) {
      if (violation != null) {
        return violation;
      }
    }
    return null;
  }

  private static String amountAtLeastZero(ObjectNode payload) {
    JsonNode amount = payload.get("amount");
    if (amount == null || !amount.isNumber() || amount.decimalValue().signum() < 0) {
      return "payload.amount must be a number >= 0";
    }
    return null;
  }

  private static String positiveAmount(ObjectNode payload) {
    JsonNode amount = payload.get("amount");
    if (amount == null || !amount.isNumber() || amount.decimalValue().signum() <= 0) {
      return "payload.amount must be a number > 0";
    }
    return null;
  }

  private static String hours(ObjectNode payload) {
    JsonNode hours = payload.get("hours");
    if (hours == null
        || !hours.isNumber()
        || hours.decimalValue().signum() <= 0
        || hours.decimalValue().compareTo(TWENTY_FOUR) > 0) {
      return "payload.hours must be a number > 0 and <= 24";
    }
    return null;
  }

  private static String currency(ObjectNode payload) {
    JsonNode currency = payload.get("currency");
    if (currency == null
        || !currency.isTextual()
        || !CURRENCY.matcher(currency.textValue()).matches()) {
      return "payload.currency must be 3 upper-case letters";
    }
    return null;
  }

  private static String string(ObjectNode payload, String field) {
    JsonNode value = payload.get(field);
    return value != null && value.isTextual() ? null : "payload." + field + " must be a string";
  }

  private static String oneOf(ObjectNode payload, String field, Set<String> allowed) {
    JsonNode value = payload.get(field);
    if (value == null || !value.isTextual() || !allowed.contains(value.textValue())) {
      return "payload." + field + " must be one of " + allowed;
    }
    return null;
  }

  private static String integerInRange(
      ObjectNode payload, String field, long min, long max, boolean required) {
    JsonNode value = payload.get(field);
    if (value == null) {
      return required ? "payload." + field + " is missing" : null;
    }
    if (!Json.isInteger(value)
        || value.decimalValue().compareTo(BigDecimal.valueOf(min)) < 0
        || value.decimalValue().compareTo(BigDecimal.valueOf(max)) > 0) {
      return "payload."
          + field
          + " must be an integer from "
          + min
          + (max == Long.MAX_VALUE ? " up" : " to " + max);
    }
    return null;
  }

  private static String otherCitizen(ObjectNode payload) {
    JsonNode other = payload.get("other_citizen_id");
    if (other == null || !other.isTextual() || !CITIZEN_ID.matcher(other.textValue()).matches()) {
      return "payload.other_citizen_id must be a citizen id (1-40 of [a-z0-9-])";
    }
    return null;
  }
}
