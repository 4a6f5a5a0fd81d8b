package dev.scs.simulator.world;

import dev.scs.scoring.event.EventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The personas of the synthetic population. Rates are events per citizen per day; a run of a given
 * size uses them as proportions (which citizens, which types, which hours), so their absolute
 * values matter only relative to each other.
 */
public final class Personas {
  private Personas() {}

  // Relative activity per hour of the day (UTC), 00:00 first.
  private static final double[] OFFICE_HOURS = {
    1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 13, 12, 13, 14, 14, 13, 11, 9, 7, 5, 3, 2, 1
  };
  private static final double[] EVENINGS = {
    2, 1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 8, 8, 8, 9, 10, 12, 14, 15, 14, 11, 7, 4
  };
  private static final double[] NIGHTS = {
    12, 10, 8, 5, 3, 2, 2, 3, 4, 5, 5, 6, 6, 6, 6, 7, 8, 9, 10, 11, 13, 14, 15, 14
  };
  private static final double[] DAYTIME_AND_WEEKEND = {
    1, 1, 1, 1, 1, 1, 3, 6, 10, 13, 14, 14, 13, 12, 12, 12, 11, 10, 8, 6, 4, 3, 2, 1
  };
  private static final double[] LATE_RISERS = {
    6, 4, 2, 1, 1, 1, 1, 2, 3, 5, 7, 9, 10, 10, 10, 10, 11, 12, 12, 12, 12, 11, 10, 8
  };

  public static final List<Persona> ALL =
      List.of(
          persona(
              "steady",
              0.40,
              OFFICE_HOURS,
              Map.ofEntries(
                  Map.entry(EventType.PAYMENT_ON_TIME, 0.20),
                  Map.entry(EventType.PAYMENT_LATE, 0.01),
                  Map.entry(EventType.LOAN_DEFAULT, 0.0005),
                  Map.entry(EventType.TRAFFIC_VIOLATION, 0.005),
                  Map.entry(EventType.VOLUNTEER_SHIFT, 0.01),
                  Map.entry(EventType.DONATION_MADE, 0.02),
                  Map.entry(EventType.TAX_FILED, 0.003),
                  Map.entry(EventType.PUBLIC_DISTURBANCE, 0.001),
                  Map.entry(EventType.EDUCATION_COURSE_COMPLETED, 0.003),
                  Map.entry(EventType.SOCIAL_TIE_ADDED, 0.01),
                  Map.entry(EventType.SOCIAL_TIE_REMOVED, 0.004))),
          persona(
              "struggling",
              0.15,
              EVENINGS,
              Map.ofEntries(
                  Map.entry(EventType.PAYMENT_ON_TIME, 0.08),
                  Map.entry(EventType.PAYMENT_LATE, 0.12),
                  Map.entry(EventType.LOAN_DEFAULT, 0.01),
                  Map.entry(EventType.TRAFFIC_VIOLATION, 0.01),
                  Map.entry(EventType.VOLUNTEER_SHIFT, 0.002),
                  Map.entry(EventType.DONATION_MADE, 0.002),
                  Map.entry(EventType.TAX_FILED, 0.003),
                  Map.entry(EventType.PUBLIC_DISTURBANCE, 0.005),
                  Map.entry(EventType.EDUCATION_COURSE_COMPLETED, 0.001),
                  Map.entry(EventType.SOCIAL_TIE_ADDED, 0.008),
                  Map.entry(EventType.SOCIAL_TIE_REMOVED, 0.006))),
          persona(
              "civic",
              0.15,
              DAYTIME_AND_WEEKEND,
              Map.ofEntries(
                  Map.entry(EventType.PAYMENT_ON_TIME, 0.18),
                  Map.entry(EventType.PAYMENT_LATE, 0.005),
                  Map.entry(EventType.LOAN_DEFAULT, 0.0002),
                  Map.entry(EventType.TRAFFIC_VIOLATION, 0.002),
                  Map.entry(EventType.VOLUNTEER_SHIFT, 0.15),
                  Map.entry(EventType.DONATION_MADE, 0.08),
                  Map.entry(EventType.TAX_FILED, 0.003),
                  Map.entry(EventType.PUBLIC_DISTURBANCE, 0.0005),
                  Map.entry(EventType.EDUCATION_COURSE_COMPLETED, 0.02),
                  Map.entry(EventType.SOCIAL_TIE_ADDED, 0.02),
                  Map.entry(EventType.SOCIAL_TIE_REMOVED, 0.005))),
          persona(
              "reckless",
              0.10,
              NIGHTS,
              Map.ofEntries(
                  Map.entry(EventType.PAYMENT_ON_TIME, 0.10),
                  Map.entry(EventType.PAYMENT_LATE, 0.05),
                  Map.entry(EventType.LOAN_DEFAULT, 0.004),
                  Map.entry(EventType.TRAFFIC_VIOLATION, 0.08),
                  Map.entry(EventType.VOLUNTEER_SHIFT, 0.001),
                  Map.entry(EventType.DONATION_MADE, 0.002),
                  Map.entry(EventType.TAX_FILED, 0.002),
                  Map.entry(EventType.PUBLIC_DISTURBANCE, 0.04),
                  Map.entry(EventType.EDUCATION_COURSE_COMPLETED, 0.001),
                  Map.entry(EventType.SOCIAL_TIE_ADDED, 0.03),
                  Map.entry(EventType.SOCIAL_TIE_REMOVED, 0.02))),
          persona(
              "student",
              0.20,
              LATE_RISERS,
              Map.ofEntries(
                  Map.entry(EventType.PAYMENT_ON_TIME, 0.10),
                  Map.entry(EventType.PAYMENT_LATE, 0.03),
                  Map.entry(EventType.LOAN_DEFAULT, 0.001),
                  Map.entry(EventType.TRAFFIC_VIOLATION, 0.01),
                  Map.entry(EventType.VOLUNTEER_SHIFT, 0.03),
                  Map.entry(EventType.DONATION_MADE, 0.005),
                  Map.entry(EventType.TAX_FILED, 0.002),
                  Map.entry(EventType.PUBLIC_DISTURBANCE, 0.01),
                  Map.entry(EventType.EDUCATION_COURSE_COMPLETED, 0.05),
                  Map.entry(EventType.SOCIAL_TIE_ADDED, 0.05),
                  Map.entry(EventType.SOCIAL_TIE_REMOVED, 0.02))));

  private static Persona persona(
      String name, double share, double[] hourlyActivity, Map<EventType, Double> rates) {
    Map<EventType, Double> complete = new EnumMap<>(rates);
    double[] ratesPerDay = new double[EventType.values().length];
    for (EventType type : EventType.values()) {
      Double rate = complete.get(type);
      if (rate == null) {
        throw new IllegalStateException("persona " + name + " has no rate for " + type);
      }
      ratesPerDay[type.ordinal()] = rate;
    }
    return new Persona(name, share, ratesPerDay, hourlyActivity.clone());
  }
}
