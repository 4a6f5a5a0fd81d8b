package dev.scs.stores.setup;

import dev.scs.stores.setup.SetupStep.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Condenses setup steps into a line per store ({@code cassandra: 17 created}), plus a line for each
 * step that was skipped, with its reason: what a summary shows, while the steps themselves are
 * progress.
 */
public final class SetupSummary {
  private SetupSummary() {}

  public static List<String> lines(List<SetupStep> steps) {
    Map<String, Map<Outcome, Integer>> counts = new LinkedHashMap<>();
    for (SetupStep step : steps) {
      counts
          .computeIfAbsent(step.store(), store -> new EnumMap<>(Outcome.class))
          .merge(step.outcome(), 1, Integer::sum);
    }
    List<String> lines = new ArrayList<>();
    counts.forEach(
        (store, byOutcome) -> {
          List<String> parts = new ArrayList<>();
          byOutcome.forEach((outcome, count) -> parts.add(count + " " + outcome.label()));
          lines.add(store + ": " + String.join(", ", parts));
        });
    steps.stream()
        .filter(step -> step.outcome() == Outcome.SKIPPED)
        .forEach(step -> lines.add(step.describe()));
    return lines;
  }
}
