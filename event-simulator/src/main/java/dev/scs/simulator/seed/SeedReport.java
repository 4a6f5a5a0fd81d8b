package dev.scs.simulator.seed;

import dev.scs.stores.mongodb.CitizenWrite;
import dev.scs.stores.mongodb.ConfigChange;
import dev.scs.stores.mongodb.RuleImport;
import dev.scs.stores.setup.SetupStep;
import dev.scs.stores.setup.SetupSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one seed run did, store by store, and whether it changed anything at all. */
public record SeedReport(
    List<SetupStep> contracts,
    CitizenWrite citizens,
    RuleImport rules,
    ConfigChange config,
    boolean configKeptAsStored,
    GraphWrite graph) {

  /** False when the run found everything as it would have made it. */
  public boolean changedAnything() {
    return contracts.stream()
            .anyMatch(
                step ->
                    step.outcome() == SetupStep.Outcome.CREATED
                        || step.outcome() == SetupStep.Outcome.UPDATED)
        || citizens.inserted() > 0
        || citizens.updated() > 0
        || !rules.added().isEmpty()
        || config == ConfigChange.STORED
        || config == ConfigChange.REPLACED
        || graph.changedAnything();
  }

  /** The summary, one line each. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.addAll(SetupSummary.lines(contracts));
    lines.add(
        String.format(
            "mongodb: citizens: %,d new, %,d updated, %,d unchanged",
            citizens.inserted(), citizens.updated(), citizens.unchanged()));
    lines.add(
        "mongodb: rules: "
            + rules.added().size()
            + " versions added, "
            + rules.unchanged().size()
            + " already stored");
    lines.add(
        "mongodb: config: "
            + (configKeptAsStored
                ? "kept the stored one (it differs from the built-in; give --config to replace it)"
                : switch (config) {
                  case STORED -> "stored";
                  case REPLACED -> "replaced";
                  case UNCHANGED -> "already stored";
                }));
    lines.add(
        String.format(
            Locale.ROOT,
            "dgraph: graph: %,d citizen nodes (%,d new), %,d ties (%,d new)",
            graph.nodes(),
            graph.newNodes(),
            graph.ties(),
            graph.newTies()));
    lines.add(changedAnything() ? "seed: done" : "seed: done, nothing changed");
    return lines;
  }
}
