package dev.scs.stores.mongodb;

/**
 * An import of rule versions refused as a whole: nothing was written. Names the rule and the field
 * at fault, when the fault lies in one.
 */
public final class RuleImportRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String ruleId;
  private final String field;

  public RuleImportRefusedException(String message, String ruleId, String field) {
    super(message);
    this.ruleId = ruleId;
    this.field = field;
  }

  /** The rule at fault, or null when the fault is in the set as a whole. */
  public String ruleId() {
    return ruleId;
  }

  /** The field at fault as a dot path within the rule, or null. */
  public String field() {
    return field;
  }
}
