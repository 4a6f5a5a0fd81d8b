package dev.scs.scoring.event;

/** Why an event was not accepted (contract, section 2). */
public enum RejectionReason {
  MALFORMED_JSON("malformed_json"),
  SCHEMA_VIOLATION("schema_violation"),
  UNKNOWN_TYPE("unknown_type"),
  FUTURE_EVENT("future_event"),
  UNKNOWN_CITIZEN("unknown_citizen"),
  /** A later copy of an accepted {@code event_id}. */
  DUPLICATE("duplicate");

  private final String code;

  RejectionReason(String code) {
    this.code = code;
  }

  /** The reason as written to the dead-letter topic, rejects files and metrics. */
  public String code() {
    return code;
  }

  public static RejectionReason fromCode(String code) {
    for (RejectionReason reason : values()) {
      if (reason.code.equals(code)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("unknown rejection reason '" + code + "'");
  }

  @Override
  public String toString() {
    return code;
  }
}
