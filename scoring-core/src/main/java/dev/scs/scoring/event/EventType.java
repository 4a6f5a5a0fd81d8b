package dev.scs.scoring.event;

import java.util.HashMap;
import java.util.Map;

/** The event catalog, version 1 (contract, section 2). */
public enum EventType {
  PAYMENT_ON_TIME("payment.on_time"),
  PAYMENT_LATE("payment.late"),
  LOAN_DEFAULT("loan.default"),
  TRAFFIC_VIOLATION("traffic.violation"),
  VOLUNTEER_SHIFT("volunteer.shift"),
  DONATION_MADE("donation.made"),
  TAX_FILED("tax.filed"),
  PUBLIC_DISTURBANCE("public.disturbance"),
  EDUCATION_COURSE_COMPLETED("education.course_completed"),
  SOCIAL_TIE_ADDED("social.tie_added"),
  SOCIAL_TIE_REMOVED("social.tie_removed");

  private static final Map<String, EventType> BY_NAME = new HashMap<>();

  static {
    for (EventType type : values()) {
      BY_NAME.put(type.wireName, type);
    }
  }

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the JSON {@code type} field. */
  public String wireName() {
    return wireName;
  }

  /** The type with that wire name, or {@code null} when it is not in the catalog. */
  public static EventType fromWireName(String name) {
    return BY_NAME.get(name);
  }

  /** Social events also name a second citizen, which must be registered too. */
  public boolean namesOtherCitizen() {
    return this == SOCIAL_TIE_ADDED || this == SOCIAL_TIE_REMOVED;
  }

  @Override
  public String toString() {
    return wireName;
  }
}
