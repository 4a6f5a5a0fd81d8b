package dev.scs.simulator.world;

import dev.scs.scoring.event.EventType;

/**
 * How a kind of citizen behaves: how often each event type happens to one of them (events per day),
 * and how their activity spreads over the hours of a day (UTC).
 *
 * @param share the fraction of the population with this persona
 * @param ratesPerDay events per day of each type, indexed by {@link EventType#ordinal()}
 * @param hourlyActivity relative activity in each hour of the day, 24 values
 */
public record Persona(String name, double share, double[] ratesPerDay, double[] hourlyActivity) {

  public Persona {
    if (ratesPerDay.length != EventType.values().length) {
      throw new IllegalArgumentException(name + " needs a rate for every event type");
    }
    if (hourlyActivity.length != 24) {
      throw new IllegalArgumentException(name + " needs an activity for each of 24 hours");
    }
  }

  public double rate(EventType type) {
    return ratesPerDay[type.ordinal()];
  }

  /** Events per day of every type together. */
  public double totalRatePerDay() {
    double total = 0;
    for (double rate : ratesPerDay) {
      total += rate;
    }
    return total;
  }

  /** The activity of an hour relative to the day's mean: 1 on average over the 24 hours. */
  public double relativeActivity(int hour) {
    double sum = 0;
    for (double activity : hourlyActivity) {
      sum += activity;
    }
    return hourlyActivity[hour] * 24 / sum;
  }
}
