package dev.scs.simulator.world;

import java.util.List;

/**
 * The fictional regions citizens live in, with the share of the population each holds. Regions are
 * the communities of the social graph: most ties stay inside one.
 */
public final class Regions {
  private Regions() {}

  public static final List<String> NAMES =
      List.of(
          "northvale",
          "eastmere",
          "southholm",
          "westreach",
          "highcrest",
          "lowfield",
          "riverbend",
          "saltcoast");

  /** Population shares, in the order of {@link #NAMES}; they sum to 1. */
  static final double[] SHARES = {0.22, 0.18, 0.15, 0.12, 0.11, 0.09, 0.08, 0.05};

  /** The currency payments are made in, per region (a synthetic world with several currencies). */
  static final String[] CURRENCIES = {"EUR", "EUR", "SEK", "EUR", "CHF", "EUR", "NOK", "EUR"};

  public static String name(int region) {
    return NAMES.get(region);
  }

  public static String currency(int region) {
    return CURRENCIES[region];
  }

  public static int count() {
    return NAMES.size();
  }
}
