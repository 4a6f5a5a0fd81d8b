package dev.scs.scoring.json;

/** The JSON value types a rule condition can compare; {@code STRUCTURE} is an object or array. */
public enum JsonType {
  NUMBER,
  STRING,
  BOOLEAN,
  NULL,
  STRUCTURE
}
