package dev.scs.stores.mongodb;

/** A citizen profile that breaks {@code schemas/json/citizen.schema.json}, naming the field. */
public final class InvalidCitizenException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidCitizenException(String field, String problem) {
    super(field == null || field.isEmpty() ? problem : "field '" + field + "': " + problem);
    this.field = field;
  }

  /** The field at fault, or null when the line as a whole is. */
  public String field() {
    return field;
  }
}
