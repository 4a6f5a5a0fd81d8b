package dev.scs.simulator.events;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The fraction of events to turn into each kind of fault; at most one fault per event. */
public final class FaultPlan {
  public static final FaultPlan NONE = new FaultPlan(new EnumMap<>(Fault.class));

  private final Map<Fault, Double> fractions;

  private FaultPlan(Map<Fault, Double> fractions) {
    this.fractions = Collections.unmodifiableMap(fractions);
  }

  public static FaultPlan of(Map<Fault, Double> fractions) {
    EnumMap<Fault, Double> copy = new EnumMap<>(Fault.class);
    double total = 0;
    for (Map.Entry<Fault, Double> entry : fractions.entrySet()) {
      double fraction = entry.getValue();
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException(
            "the fraction of "
                + entry.getKey().optionName()
                + " faults must lie between 0 and 1, but was "
                + fraction);
      }
      copy.put(entry.getKey(), fraction);
      total += fraction;
    }
    if (total > 1 + 1e-9) {
      throw new IllegalArgumentException(
          "the fault fractions add up to " + total + "; an event takes at most one fault");
    }
    return new FaultPlan(copy);
  }

  /** Reads {@code late=0.01,duplicate=0.02}; an empty text means no faults. */
  public static FaultPlan parse(String text) {
    Map<Fault, Double> fractions = new EnumMap<>(Fault.class);
    if (text == null || text.isBlank()) {
      return NONE;
    }
    for (String part : text.split(",")) {
      String[] kindAndFraction = part.trim().split("=", -1);
      if (kindAndFraction.length != 2) {
        throw new IllegalArgumentException(
            "write faults as KIND=FRACTION,... (e.g. late=0.01,malformed=0.001), not '"
                + part.trim()
                + "'");
      }
      Fault fault = Fault.fromOptionName(kindAndFraction[0].trim());
      double fraction;
      try {
        fraction = Double.parseDouble(kindAndFraction[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "the fraction of "
                + fault.optionName()
                + " faults is not a number: '"
                + kindAndFraction[1].trim()
                + "'");
      }
      if (fractions.put(fault, fraction) != null) {
        throw new IllegalArgumentException(fault.optionName() + " is given twice");
      }
    }
    return of(fractions);
  }

  public double fraction(Fault fault) {
    return fractions.getOrDefault(fault, 0.0);
  }

  public boolean isEmpty() {
    return fractions.values().stream().allMatch(fraction -> fraction == 0);
  }

  @Override
  public String toString() {
    if (isEmpty()) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    fractions.forEach(
        (fault, fraction) -> {
          if (fraction > 0) {
            text.append(text.length() == 0 ? "" : ",")
                .append(fault.optionName())
                .append('=')
                .append(fraction);
          }
        });
    return text.toString();
  }
}
