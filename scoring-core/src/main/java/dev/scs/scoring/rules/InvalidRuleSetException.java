package dev.scs.scoring.rules;

/**
 * A rule set refused as a whole (contract, section 3), naming the rule and the field at fault so
 * that the author can fix the file.
 */
public final class InvalidRuleSetException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String ruleId;
  private final String field;

  public InvalidRuleSetException(String ruleId, String field, String problem) {
    super(describe(ruleId, field, problem));
    this.ruleId = ruleId;
    this.field = field;
  }

  private static String describe(String ruleId, String field, String problem) {
    StringBuilder message = new StringBuilder("invalid rule set: ");
    if (ruleId != null) {
      message.append("rule '").append(ruleId).append("'");
    }
    if (field != null && !field.isEmpty()) {
      message.append(ruleId != null ? ", " : "").append("field '").append(field).append("'");
    }
    return message.append(": ").append(problem).toString();
  }

  /** The rule at fault (its rule_id, or "#N" for the N-th entry when it has none), or null. */
  public String ruleId() {
    return ruleId;
  }

  /** The field at fault as a dot path within the rule, or null for the set as a whole. */
  public String field() {
    return field;
  }
}
