package dev.scs.scoring.config;

/** A scoring config refused before any work, naming the field at fault. */
public final class InvalidConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidConfigException(String field, String problem) {
    super(
        "invalid config: "
            + (field == null || field.isEmpty() ? "" : "field '" + field + "': ")
            + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
