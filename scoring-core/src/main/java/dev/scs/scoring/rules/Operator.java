package dev.scs.scoring.rules;

/** The operators of a condition leaf. */
public enum Operator {
  EQ("eq"),
  NE("ne"),
  GT("gt"),
  GTE("gte"),
  LT("lt"),
  LTE("lte"),
  IN("in"),
  EXISTS("exists");

  private final String wireName;

  Operator(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The operator with that name, or {@code null}. */
  public static Operator fromWireName(String name) {
    for (Operator operator : values()) {
      if (operator.wireName.equals(name)) {
        return operator;
      }
    }
    return null;
  }
}
